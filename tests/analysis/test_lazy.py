"""Package names imported on first use."""

import subprocess
import sys

import pytest

from analysis.lazy import lazy_exports


def test_a_name_is_imported_from_its_module_when_first_asked_for():
    getattr_ = lazy_exports("pkg", {"sqrt": "math", "dumps": "json"})
    assert getattr_("sqrt")(9) == 3.0
    assert getattr_("dumps")([1]) == "[1]"
    with pytest.raises(AttributeError, match="module 'pkg' has no attribute 'missing'"):
        getattr_("missing")


def test_reading_a_share_links_parameters_loads_no_database_library():
    code = ("import sys\nfrom analysis.sharing import SHARE_PARAM\n"
            "print(SHARE_PARAM, 'sqlalchemy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[1] == "False" and out[0]
