import pytest


@pytest.fixture(scope="session")
def dask_cluster():
    """One local Dask cluster of a single worker process for the store tests: the worker loads
    the NLP pipeline once and every build reuses it."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
                      memory_limit=0) as cluster, Client(cluster) as client:
        yield cluster, client


@pytest.fixture()
def dask_client(dask_cluster):
    return dask_cluster[1]
