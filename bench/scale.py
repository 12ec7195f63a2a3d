"""Scale benchmark: the analysis store on generated articles, and the corpus-level steps.

1. Store build (`analysis.store.build_store`) for generated conflict-news articles of about
   520 words, at each --articles size with 1 and 2 local workers: articles per second, the peak
   resident memory of the busiest worker, how much of their time the workers spent running
   tasks, the client's CPU seconds, the load average, the 2-worker speed-up, and each stage's
   seconds.
2. The corpus-level steps at --scaling sizes: entity resolution over that many distinct names,
   publication-date estimation for that many undated articles (against as many known dates).
   Each size is ten times the one before, so a step that grows linearly takes about ten times
   as long, and one that grows with the square a hundred times.
3. With --linking STORE: incident linking and statistics merging (the build's last step,
   `analysis.engine.incidents_and_statistics`) over the first --linking-sizes articles of a
   built store, read from its tables as the build reads them.

Printed figures, not timed tests: a shared machine varies by 20-30% from run to run.

Usage: python bench/scale.py [--articles 1000 10000] [--workers 1 2] [--scaling 10000 100000]
                             [--linking STORE [--linking-sizes 10000 20000 40000]]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# Real places; invented people, outlets and events.
COUNTRIES = {
    "Sudan": ["Khartoum", "Omdurman", "El Fasher", "Nyala", "Geneina", "Wad Madani", "Kadugli", "El Obeid"],
    "Ukraine": ["Kharkiv", "Sumy", "Zaporizhzhia", "Kherson", "Odesa", "Dnipro", "Pokrovsk", "Kramatorsk"],
    "Myanmar": ["Sagaing", "Mandalay", "Lashio", "Myitkyina", "Hpakant", "Loikaw", "Sittwe", "Magway"],
    "Somalia": ["Mogadishu", "Baidoa", "Kismayo", "Beledweyne", "Galkayo", "Jowhar", "Bosaso", "Afgoye"],
    "Nigeria": ["Maiduguri", "Gwoza", "Bama", "Zamfara", "Katsina", "Kaduna", "Monguno", "Damboa"],
    "Mali": ["Gao", "Timbuktu", "Mopti", "Kidal", "Menaka", "Segou", "Niono", "Douentza"],
    "Syria": ["Aleppo", "Idlib", "Deir ez-Zor", "Raqqa", "Homs", "Hama", "Daraa", "Qamishli"],
    "Yemen": ["Hodeidah", "Taiz", "Marib", "Aden", "Saada", "Hajjah", "Ibb", "Mokha"],
    "Democratic Republic of the Congo": ["Goma", "Bunia", "Beni", "Butembo", "Rutshuru", "Uvira", "Bukavu", "Masisi"],
    "Burkina Faso": ["Djibo", "Kaya", "Dori", "Ouahigouya", "Fada N'gourma", "Kongoussi", "Arbinda", "Titao"],
}
FIRST = ("Amina Yusuf Olena Taras Min Aung Hassan Fatima Ibrahim Nadia Oleksandr Iryna Kyaw Thant Abdi Hodan "
         "Musa Aisha Bakary Mariam Omar Leila Ahmed Samira Farah Halima Issa Kadiatou Moussa Rasha Khalid "
         "Yara Tunde Ngozi Chinedu Folake Sadiq Zainab Mykola Halyna Zaw Hnin Ali Sahra Salif Awa Karim "
         "Nour Bilal Hana Jean Claudine Patrice Esperance Idrissa Salamata Adama Rokia Walid Mona Faisal "
         "Huda Samuel Grace Emmanuel Blessing Viktor Natalia Sergiy Kateryna Thura Ei Aung Htet").split()
SURNAMES = ("Abdullahi Bondarenko Hlaing Warsame Okafor Traore Haddad Al-Masri Kovalenko Shevchenko Tun Osman "
            "Adeyemi Keita Sabbagh Mansour Melnyk Lin Hirsi Ibekwe Coulibaly Darwish Qasim Tkachenko Oo Farah "
            "Balogun Diallo Khoury Saleh Kravets Naing Jama Eze Sangare Rahal Nasser Lysenko Soe Guled Obi "
            "Konate Hamdan Aziz Savchenko Myint Dirie Nwosu Toure Barakat Saeed Rudenko Kyaw Elmi Afolabi "
            "Sidibe Haidar Jaber Polishchuk Thein Yusuf Chukwu Cisse Zaki Omran Bilyk Win Abdi Okonkwo Dembele "
            "Shalabi Karam Hrytsenko Zaw Mohamud Adebayo Kone Hijazi Fadel Marchenko Thu Ahmed Uche Sylla").split()
ROLES = ["the regional governor", "a local official", "a hospital director", "a spokesperson for the army",
         "the district commissioner", "a community leader", "an aid worker", "a police spokesperson",
         "the deputy mayor", "a human rights researcher"]
GROUPS = ["the army", "a militia", "government forces", "rebel fighters", "unidentified gunmen",
          "a paramilitary unit", "armed men on motorbikes", "drone operators", "an insurgent group"]
WEAPONS = ["artillery shells", "a drone strike", "an air strike", "a car bomb", "rockets", "mortar fire",
           "a roadside bomb", "heavy gunfire"]
SITES = ["a crowded market", "a displacement camp", "a school", "a hospital compound", "a bus station",
         "a mosque", "a church", "a water point", "a residential block", "a checkpoint"]
OUTLETS = ["Meridian Wire", "Horizon Daily", "Northgate Post", "Field Report Weekly", "Coastline Courier",
           "The Crossroads Ledger", "Interior Herald", "Lantern News", "Riverbend Observer", "Frontier Review"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen"]


class ArticleWriter:
    """Varied conflict-news articles of about 520 words: a headline, a dateline, figures of
    killed and wounded with their sources, named people and officials, places, dates stated in
    full or relative to the day, background paragraphs. Names come from thousands of
    first-name and surname pairs, so the number of distinct people grows with the corpus."""

    def __init__(self, seed: int = 11) -> None:
        self.rng = random.Random(seed)

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(SURNAMES)}"

    def figure(self) -> str:
        rng = self.rng
        return rng.choice([str(rng.randint(2, 140)), f"at least {rng.randint(3, 90)}", f"more than {rng.randint(5, 60)}",
                           rng.choice(NUMBER_WORDS), f"{rng.randint(2, 30)}"])

    def article(self, number: int) -> dict:
        rng = self.rng
        country = rng.choice(list(COUNTRIES))
        town, other = rng.sample(COUNTRIES[country], 2)
        day = date(2023, 1, 1) + timedelta(days=rng.randint(0, 700))
        weekday = WEEKDAYS[(day - timedelta(days=rng.randint(1, 3))).weekday()]
        speaker, witness, official = self.person(), self.person(), self.person()
        group, weapon, site = rng.choice(GROUPS), rng.choice(WEAPONS), rng.choice(SITES)
        killed, wounded = self.figure(), self.figure()
        paragraphs = [
            [f"{town.upper()}, {country} - {killed.capitalize()} people were killed and {wounded} wounded when "
             f"{weapon} hit {site} in {town} on {weekday}, {rng.choice(ROLES)} {speaker} said.",
             f"{speaker} told reporters that {group} had carried out the attack and that the toll could rise "
             f"as rescue teams reached the area."],
            [f"Residents said the first blast came shortly after dawn, when the streets near {site} were full.",
             f"\"We carried the injured on doors and blankets because there were no stretchers left,\" said "
             f"{witness}, who lives two streets away.",
             f"The hospital in {other} received {self.figure()} of the wounded, {rng.choice(ROLES)} {official} said, "
             f"adding that {rng.choice(NUMBER_WORDS)} of them were children."],
        ]
        extra = [
            lambda: f"On {day.day} {day:%B %Y}, a similar attack in {rng.choice(COUNTRIES[country])} killed "
                    f"{self.figure()} civilians, according to local monitors.",
            lambda: f"{self.person()}, {rng.choice(ROLES)}, said {self.figure()} families had fled {town} "
                    f"since the start of {day:%B}, most of them towards {other}.",
            lambda: f"The United Nations said in a statement that more than {rng.randint(2, 900)},000 people "
                    f"had been displaced in {country} this year.",
            lambda: f"{group.capitalize()} have not commented on the accusations, and {self.person()} of the "
                    f"defence ministry denied that civilians had been targeted.",
            lambda: f"Last week, {self.figure()} soldiers were killed in an ambush on the road between {town} "
                    f"and {rng.choice(COUNTRIES[country])}, officials said.",
            lambda: f"Aid agencies warned that food stocks in {town} would run out within {rng.randint(2, 6)} "
                    f"weeks unless convoys were allowed through.",
            lambda: f"{self.person()}, a trader in {town}, said the market had been closed for "
                    f"{rng.randint(2, 20)} days and prices of flour had doubled.",
            lambda: f"In {day.year - rng.randint(1, 8)}, the town was briefly held by {rng.choice(GROUPS)}, "
                    f"and many families still live in schools and public buildings.",
            lambda: f"The Red Cross said its teams had treated {self.figure()} people with blast injuries in "
                    f"{other} on {rng.choice(WEEKDAYS)} alone.",
            lambda: f"Talks between the two sides are due to resume in {rng.choice(['Jeddah', 'Geneva', 'Doha', 'Addis Ababa', 'Nairobi'])} "
                    f"on {(day + timedelta(days=rng.randint(5, 40))).day} {day + timedelta(days=45):%B}, "
                    f"{self.person()} said.",
            lambda: f"Local media reported that {self.figure()} people were detained in raids on villages near "
                    f"{other} over the weekend.",
            lambda: f"Satellite images reviewed by researchers showed {rng.randint(10, 300)} buildings "
                    f"destroyed in {town} since {day - timedelta(days=rng.randint(30, 200)):%B}.",
            lambda: f"{self.person()}, who coordinates volunteers in {other}, said ambulances had been "
                    f"turned back at {rng.randint(2, 9)} checkpoints on the way to {town}.",
            lambda: f"Doctors at the main clinic in {town} said they were short of blood, anaesthetics and "
                    f"fuel for the generators, and that {self.figure()} patients had died waiting for surgery.",
            lambda: f"The fighting around {town} intensified in {day - timedelta(days=rng.randint(20, 90)):%B}, "
                    f"when {rng.choice(GROUPS)} advanced from the north and cut the main supply road.",
            lambda: f"A curfew was imposed in {town} from 8 p.m., and schools in {other} were closed until "
                    f"further notice, {rng.choice(ROLES)} {self.person()} said.",
            lambda: f"\"Nobody has told us where to go,\" said {self.person()}, a mother of {rng.choice(NUMBER_WORDS)} "
                    f"who fled {town} with her neighbours.",
            lambda: f"The World Food Programme said it had reached {rng.randint(10, 400)},000 people in "
                    f"{country} in {day:%B}, fewer than half of those in need.",
            lambda: f"{group.capitalize()} said in a statement on {rng.choice(WEEKDAYS)} that they had "
                    f"captured {rng.randint(3, 40)} fighters and seized weapons near {other}.",
            lambda: f"Journalists were not allowed into {town}, and the figures could not be independently "
                    f"verified.",
        ]
        rng.shuffle(extra)
        target = max(360, int(rng.gauss(490, 50)))
        words = sum(len(s.split()) for p in paragraphs for s in p)
        while words < target:
            paragraph = [extra[(len(paragraphs) * 4 + k) % len(extra)]() for k in range(rng.randint(2, 4))]
            paragraphs.append(paragraph)
            words += sum(len(s.split()) for s in paragraph)
        text = "\n\n".join(" ".join(p) for p in paragraphs)
        record = {"title": f"{weapon.capitalize()} kills {killed} in {town}", "source": OUTLETS[number % len(OUTLETS)],
                  "url": f"https://news.example.org/{country.lower().replace(' ', '-')}/{number}", "text": text}
        if number % 7:
            record["published"] = day.isoformat()  # one article in seven carries no date
        return record


def write_corpus(path: Path, articles: int, seed: int = 11) -> int:
    """`articles` generated articles as JSON Lines at `path`; returns the word count."""
    writer = ArticleWriter(seed)
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for i in range(articles):
            record = writer.article(i)
            words += len(record["text"].split())
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


# ---------------------------------------------------------------------------------------------
# 1. Store builds.


WARM_UP_ARTICLES = 40


@dataclass
class BuildRun:
    """One timed build: its wall seconds, its report, the share of the workers' time spent
    running tasks (the rest they waited for the client or for each other) and the client
    process's CPU seconds (its serial corpus-level steps, and the Dask scheduler it hosts)."""

    seconds: float
    report: object
    busy: float
    client_cpu: float


def build_once(corpus: Path, warm_up: Path, workers: int) -> BuildRun:
    """Build a fresh store of `corpus` on a local cluster of `workers` processes. Off the clock,
    the cluster starts, its workers load the pipeline and a small build of `warm_up` fills the
    caches of client and workers, as a long-lived cluster would have: without it the first
    build of a process paid the client's one-time gazetteer loads and the second did not."""
    from distributed import Client, LocalCluster, get_task_stream

    from analysis.store import build_store
    from analysis.store.shards import worker_pipeline

    out = Path(tempfile.mkdtemp(prefix="parallax-store-"))
    try:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                          memory_limit=0) as cluster, Client(cluster) as client:
            client.run(lambda: worker_pipeline() and None)
            build_store([str(warm_up)], out / "warm-up", client=client, show_progress=False)
            cpu, started = time.process_time(), time.perf_counter()
            with get_task_stream(client) as stream:
                report = build_store([str(corpus)], out / "store", client=client, show_progress=False)
            elapsed = time.perf_counter() - started
            return BuildRun(elapsed, report, _computing(stream.data) / (workers * elapsed), time.process_time() - cpu)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def _computing(tasks: list[dict]) -> float:
    """Seconds the workers spent computing the tasks of a task stream."""
    return sum(part["stop"] - part["start"] for task in tasks for part in task["startstops"]
               if part["action"] == "compute")


def bench_builds(sizes: list[int], worker_counts: list[int]) -> None:
    from analysis.nlp import load_pipeline

    load_pipeline()  # the client's copy (its gazetteers resolve entities), loaded once, off the clock
    folder = Path(tempfile.mkdtemp(prefix="parallax-corpus-"))
    try:
        warm_up = folder / "warm-up.jsonl"
        write_corpus(warm_up, WARM_UP_ARTICLES, seed=3)
        for size in sizes:
            corpus = folder / f"corpus-{size}.jsonl"
            words = write_corpus(corpus, size)
            print(f"\nstore build, {size:,} generated articles ({words / size:.0f} words each on average, "
                  f"{corpus.stat().st_size / 1e6:.1f} MB of JSON Lines)")
            seconds: dict[int, float] = {}
            for workers in worker_counts:
                run = build_once(corpus, warm_up, workers)
                seconds[workers] = run.seconds
                peak = max(run.report.worker_peak_mb.values(), default=float("nan"))
                stages = ", ".join(f"{name} {value:.1f} s" for name, value in run.report.timings.items()
                                   if name != "total")
                print(f"  {workers} worker{'s' if workers > 1 else ' '}: {run.seconds:7.1f} s, "
                      f"{run.report.articles / run.seconds:6.1f} articles/s, peak {peak:,.0f} MB per worker, "
                      f"workers busy {run.busy:.0%}, client CPU {run.client_cpu:.1f} s, "
                      f"load {os.getloadavg()[0]:.1f} [{stages}]")
            if 1 in seconds and len(seconds) > 1:
                for workers, elapsed in seconds.items():
                    if workers > 1:
                        print(f"  speed-up with {workers} workers: {seconds[1] / elapsed:.2f}x")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# 2. Corpus-level steps.

SYLLABLES = ("ka ra mi to lu na se di ba ho fa ri mo za ne gu la ti so we ya ha bi ku de ma no sa "
             "ju le pa ro vi").split()


def distinct_names(count: int, seed: int = 5) -> list[tuple[str, str]]:
    """`count` distinct (name, label): people of two or three words from thousands of given
    names and surnames (sharing them as real names do), one in ten spelled with a letter
    doubled or dropped (the variants resolution merges), and multi-word places."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    given = list({word() for _ in range(max(50, count // 40))})
    family = list({word() for _ in range(max(200, count // 4))})
    names: dict[tuple[str, str], None] = {}
    while len(names) < count:
        roll = rng.random()
        if roll < 0.8:
            parts = [rng.choice(given), rng.choice(family)] + ([rng.choice(family)] if rng.random() < 0.2 else [])
            if rng.random() < 0.1:  # a transliteration variant of the surname
                last = parts[-1]
                cut = rng.randrange(1, len(last) - 1)
                parts[-1] = last[:cut] + last[cut] + last[cut:] if rng.random() < 0.5 else last[:cut] + last[cut + 1:]
            names[(" ".join(parts), "PERSON")] = None
        else:
            names[(f"{rng.choice(['Wadi', 'Jebel', 'Ras', 'Bir', 'Tell', 'Khor'])} {rng.choice(family)}", "GPE")] = None
    return list(names)


def time_entity_resolution(count: int) -> float:
    from analysis.entities import MentionRef, resolve

    names = distinct_names(count)
    refs = [MentionRef(f"doc{i // 20}", text, label, (i % 20) * 40, (i % 20) * 40 + len(text))
            for i, (text, label) in enumerate(names)]
    started = time.perf_counter()
    resolve(refs)
    return time.perf_counter() - started


def undated_articles(count: int, seed: int = 9):
    """`count` short undated reports, each stating a day and month (and some a year), with their
    sentences, and as many known publication dates spread over three years."""
    from analysis.segmentation import split_sentences

    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        day = date(2022, 1, 1) + timedelta(days=rng.randint(0, 1000))
        year = f" {day.year}" if rng.random() < 0.3 else ""
        text = (f"Fighting resumed near the border on {day.day} {day:%B}{year}, officials said. "
                f"Talks are due to resume on {(day + timedelta(days=30)).day} {day + timedelta(days=30):%B}.")
        articles.append((text, split_sentences(text)))
    known = [date(2022, 1, 1) + timedelta(days=rng.randint(0, 1000)) for _ in range(count)]
    return articles, known


def time_date_estimates(count: int, sorted_once: bool = True) -> float:
    from analysis.timeline import estimate_publication_date
    from analysis.timeline.pubdate import KnownDates

    articles, known = undated_articles(count)
    started = time.perf_counter()
    corpus = KnownDates(known) if sorted_once else known
    for text, sentences in articles:
        estimate_publication_date(text, sentences, corpus)
    return time.perf_counter() - started


def bench_corpus_steps(sizes: list[int]) -> None:
    print("\ncorpus-level steps (seconds; each size ten times the one before)")
    time_entity_resolution(1000)  # gazetteers and caches loaded off the clock
    previous: dict[str, float] = {}
    for size in sizes:
        for step, run in (("entity resolution", time_entity_resolution), ("date estimates", time_date_estimates)):
            seconds = run(size)
            growth = f", x{seconds / previous[step]:.1f} for x{size // previous[step + ' size']}" \
                if step in previous else ""
            label = "distinct names" if step == "entity resolution" else "undated articles"
            print(f"  {step:18s} {size:>8,} {label:16s}: {seconds:7.2f} s{growth}")
            previous[step], previous[step + " size"] = seconds, size
    smallest = sizes[0]
    print(f"  date estimates, {smallest:,} undated articles sorting the corpus's dates for each (as before): "
          f"{time_date_estimates(smallest, sorted_once=False):.2f} s")


def store_tables(root: Path) -> dict:
    """The tables incident linking reads from a built store, read as the build reads them."""
    from analysis.store.layout import live_shards, read_manifest
    from analysis.store.reduce import linking_inputs

    names = ("figures", "documents", "sentences", "events")
    return dict(zip(names, linking_inputs(root, live_shards(read_manifest(root)))))


def bench_linking(root: Path, sizes: list[int]) -> None:
    from analysis.engine import incidents_and_statistics

    print(f"\nincident linking and statistics over the first articles of {root}")
    tables = store_tables(root)
    previous = None
    for size in sizes:
        keep = set(tables["documents"]["doc_id"].iloc[:size])
        part = {name: frame[frame["doc_id"].isin(keep)].reset_index(drop=True) for name, frame in tables.items()}
        started = time.perf_counter()
        incidents, _, statistics = incidents_and_statistics(part["figures"], part["documents"], part["sentences"],
                                                            part["events"])
        seconds = time.perf_counter() - started
        growth = f", x{seconds / previous[1]:.1f} for x{size / previous[0]:.1f}" if previous else ""
        print(f"  {len(keep):>8,} articles {len(part['figures']):>10,} figures: {seconds:7.1f} s{growth} "
              f"({len(incidents):,} incidents, {len(statistics):,} statistics)")
        previous = (size, seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--scaling", type=int, nargs="*", default=[10000, 100000],
                        help="sizes for the corpus-level steps (none: skip them)")
    parser.add_argument("--skip-builds", action="store_true", help="only the corpus-level steps")
    parser.add_argument("--linking", type=Path, help="a built store: time incident linking over its first articles")
    parser.add_argument("--linking-sizes", type=int, nargs="+", default=[10000, 20000, 40000])
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # figures appear as they are measured
    if not args.skip_builds:
        bench_builds(args.articles, args.workers)
    if args.scaling:
        bench_corpus_steps(args.scaling)
    if args.linking:
        bench_linking(args.linking, args.linking_sizes)
    return 0


if __name__ == "__main__":  # worker processes import this module again
    raise SystemExit(main())
