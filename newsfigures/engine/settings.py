"""The engine's tuning constants, in one place: windows, reaches, caps, weights, cache sizes.

Each is read by the module named in its section (`from .settings import NAME`); change one here
and run the gold evaluations (tests/test_extraction.py) before and after.
"""
from __future__ import annotations


# ---------------------------------------------------------------- Amounts (numbers.py, exclusions.py)

# The largest amount the reader reads: 10 billion, more than the world's population, far
# below SQLite's 2**63 - 1. A bigger number (a serial, a hash, "10 trillion") is no figure.
MAX_AMOUNT = 10_000_000_000
QUALIFIER_REACH = 24  # characters before an amount its qualifier may start in
NUMBER_WORDS_LOOK_BACK = 64  # characters before a number word where its amount may start ("three quarters of a")
NUMBER_WORDS_BACK = 4  # ... in at most this many words
EXCLUSION_LABEL_REACH = 20  # characters before an amount its label stands in ("between 2011 and ")
CODE_WINDOW = 200  # how far back an open "{" or the line's start is looked for

# ---------------------------------------------------------------- What an amount counts (nouns.py, categories.py, kinds.py)

NOUN_REACH = 10  # tokens read after an amount
NOUN_TOKEN_REACH = 16  # characters a token may take, with its spaces (bounds the scan)
NOUN_TAIL = 3    # words after a first counted noun that may continue it ("Rohingya refugees")
NOUN_WORDS = 5   # words of a noun phrase before its noun ("two respected traditional elders")
COUNTED_WORDS = 3  # words after "of" the counted noun may stand in
COUNTED_BEFORE_REACH = 140  # characters before an amount looked at for "the number of ..."
TRIGGER_MAX_WORDS = 8      # words between an amount and a trigger of its own clause
PASSIVE_TRIGGER_MAX_WORDS = 16  # ... when the trigger is a passive verb ("... had been killed")
SUBJECT_GAP_WORDS = 2  # words between a subject's noun and its verb ("three gunmen then killed")
LIST_TAIL_WORDS = 10  # words of a place or detail between two members of a list
SENTENCE_TRIGGER_REACH = 300  # characters: how far a sentence-level trigger may stand (long "sentences" are lists)
REFUGE_CUE_REACH = 45  # characters after "staying" / "moved to" a school, hall or church may start in
FLED_TO_COUNTRY_REACH = 14  # characters between "fled to" and the country's name

# ---------------------------------------------------------------- Places (places.py, place_scan.py, place_resolve.py, place_context.py, place_uses.py, place_references.py, figure_places.py, document.py)

OPENING_SENTENCES = 3  # headline, standfirst, dateline: they say what the article is about
REGION_LOOKBACK = 25  # characters before a place searched for a direction word
BORDER_LOOKAHEAD = 60  # characters after a country searched for "border"
SITE_RUN_MAX = 4  # words of an unknown site's name besides its first
SITE_HOST_REACH = 400  # characters back in its paragraph a site borrows its country from (after its sentence)
PLACE_MAX_TOKENS = 6  # the longest place name looked up, in words
TITLE_CASE_LINE_MAX = 200  # a longer line is a paragraph, never a Title Case headline
TITLE_CASE_SHARE = 0.8  # of a headline's content words capitalised
SCORE_LEVEL = {"country": 50.0, "region": 45.0, "site": 45.0, "admin1": 30.0}  # a namesake's level
SCORE_CITY = 10.0  # ... a city's (plus its size)
SCORE_IN_CONTEXT = 40.0  # the place is in one of the article's countries
SCORE_TOP = 10.0  # ... in its main one
SCORE_TYPE = 40.0  # "X province" for an admin1, "X city" for a city
SCORE_IN_NAMED_ADMIN1 = 45.0  # a city in a province the article names ("Rosario town in Cavite")
NAMESAKE_RATIO = 10  # a big place counts for its country when its namesakes abroad are this many times smaller
TOWN_ABROAD = 50_000  # a province named like a town this big abroad tells its country less surely
NAMED_ADMIN1_MAX_NAMESAKES = 5  # a province name with more namesakes says nothing
VILLAGE_NAMESAKE = 100_000  # a "village" or "town" named like a city this big is its namesake
DATELINE_CITY_MIN = 100_000  # a wire dateline ("GENEVA (AP) -") names a city at least this big over a small namesake
DATELINE_SCAN = 120  # how far into a line a dateline is looked for
POSSESSED_REACH = 40  # characters from "Nigeria's" to the place it holds, over adjectives
STRAY_CITY_MAX = 1_000_000  # a city abroad this big keeps its country in a story about another one
STRAY_HOME_MENTIONS = 2  # the story's country is named (or holds places named) this often before a stray moves home
PLACE_VERB_TOWN = 1_000  # a town of the story's country opening a sentence with a verb ('Goma remains ...') this big is the place
LONE_TOWN = 30_000  # a town this big, named with a cue in a text naming no country, is itself
LONE_TOWN_OWN_NAME = 5_000  # ... or this big when the text writes its own name (not another spelling of it)
LONE_TOWN_RIVAL_SHARE = 10  # ... when its namesakes abroad are villages this many times smaller
HEADLINE_WEIGHT = 3.0  # a place in the headline counts three times
LEAD_WEIGHT = 2.0  # ... in the lead (the first paragraph after the headline) twice
LEAD_SENTENCES = 3  # the lead: at most this many sentences after the headline
FOCUS_DOMINANCE = 2.0  # the focus sub-place outweighs the next sub-place this many times
HOST_MIN_WEIGHT = 2.0  # a host country of refugees is named as a place at least this much
HEADING_MAX_CHARS = 60  # a section heading is a short line ...
HEADING_PLACE_SHARE = 0.5  # ... mostly a place name
PLACE_LED_PARAGRAPHS = 2  # paragraphs opening with "In X," that make a story told place by place
SEVERAL_COUNTRIES_SHARE = 0.5  # a second country named at least half as often as the first
LOOKBACK_SENTENCES = 6  # how far back a reference looks for what it stands for
SCENE_PARAGRAPHS = 4  # the opening paragraphs (after the headline) where an event's town is looked for
OTHER_PROVINCES_MAX = 2  # a province holding the towns named is the focus only if few others are named
HEADING_LIST_LINES = 3  # the first lines under a heading read to tell a list
HEADING_LIST_LINE_MAX = 120  # a list item is a short line
PLACE_NEAR_WORDS = 12  # words between an amount and a place of its own clause
PLACE_FAR_WORDS = 24  # ... farther on in its clause, for a place of the story's country when none is near
LONG_SENTENCE_MENTIONS = 32  # mentions: beyond this, only those of the amount's own segment are read

# ---------------------------------------------------------------- Dates (dates.py, date_resolution.py, datelines.py, collection_dates.py)

CLAUSE_PENALTY = 60  # characters a clause boundary between the number and a date is worth
DATE_CONTEXT_CHARS = 600  # how much of the previous sentence "the day before" is resolved against
TOLL_SUBJECT_CHARS = 160  # how long "the toll from ..." can be before its verb
TOLL_GAP_CHARS = 30  # between the verb ("rose to") and the number
EVENT_PHRASE_CHARS = 90  # from an event noun to the date that names it
FUTURE_DAYS = 7  # a month-day without a year lies at most this far after publication
SINCE_CHARS = 80  # how far back a "since" can make a date a start
LEAD_CHARS = 48  # how far back "from", "the (word)" before a date are looked for
# With no year written anywhere, a pinned weekday+month-day takes the latest candidate year up
# to this one (news archives are dominated by recent years).  Raise it as the corpus grows.
LATEST_LIKELY_YEAR = 2026
DATELINE_TOP_CHARS = 700  # where a dateline or date line can stand
MAX_DAYS_TO_NOW = 2  # a story is published the day of its latest past date or a day or two later
WINDOW_DAYS = 60  # a sibling this close counts as "the same period"
PAST_SPAN = 21  # an article follows a past month-day it reports by at most three weeks
FUTURE_SPAN = 60  # an event still to come is announced at most two months ahead
CLASH_SPAN = 60  # a month-day told as past but lying this close after a candidate clashes with it
SPREAD_DAYS = 730  # anchors spread over more than this: a collection of many years
SPREAD_GAP_DAYS = 2  # ... where a borrowed year needs a sibling this close
ONE_AT_A_TIME = 200  # up to this many undated articles, each resolved one joins the siblings

# ---------------------------------------------------------------- Sources and publishers (attribution.py, speakers.py, sources.py, source_scopes.py, organisations.py, publishers.py)

OWNER_REACH = 80  # characters before "'s toll" searched for its owner
BY_GAP = 25  # characters after "according to a report" its "... (announced) by X" may start in
INVERTED_MAX_WORDS = 14  # "..., said X": X is at most this long
NAME_MAX_WORDS = 7  # a speaker phrase that names a person is at most this long (twice that for a body)
WITH_REACH = 70  # "..., with officials saying": characters searched back for "with"
LONG_PHRASE_WORDS = 10  # a speaker phrase longer than this is cut to its last noun phrase
TRAIL_TIME_REACH = 120  # a trailing time phrase is looked for in the phrase's last characters
GROUP_CUT_WORDS = 6  # "witnesses at one border checkpoint near the city": cut at the place
TRAILING_NP_WORDS = 6
SUBJECT_HEAD_CHARS = 60  # "X claimed ..., claiming that": the body named this near a sentence's start is its subject
ELIDED_REACH = 3  # sentences without a frame "..., adding that" may reach back over to its speaker
DOCUMENT_REACH = 40  # sentences searched back for the author of "the report" / "the statement"
QUOTE_SPEAKER_REACH = 3  # sentences searched back for the speaker an uncredited quotation continues
SUBJECT_WORDS = 8  # words read for a person opening a sentence as the subject of its verb
HOLDER_REACH = 2  # sentences searched ahead for the name of an office credited without one ("the governor said")
CHAIN_REACH = 6  # sentences searched back for the speaker "he added" / "the agency said" points to
TITLED_REACH = 60  # characters after a title searched for the name it goes with
PREVIOUS_CHARS = 600  # the part of the sentence before that `figure_source` reads
ITEM_MAX_CHARS = 300  # a list item is a short line
LABEL_MAX_WORDS = 6  # "Homes destroyed: ...": the label before the colon is short
BRIEFING_HEAD_CHARS = 1500  # the top of a text where a briefing note says whose words it holds
LIST_REACH = 40  # lines walked over from an item to its intro or its sources line
ACRONYM_MAX = 8  # an alias in capitals, one word, at most this long, is an acronym (case-sensitive)
ACRONYM_BONUS = 10  # an acronym is specific: it outranks a longer generic alias
HEAD_CHARS = 20000  # credits and furniture are read in the opening part of a long page ...
HEAD_LINES = 25  # ... bylines and datelines on its first lines (after menus and captions) ...
MASTHEAD_LINES = 8
TAIL_LINES = 3  # ... closing credits on its last lines
MASTHEAD_CHARS = 40  # a masthead line is short
MASTHEAD_WORDS = 5
CREDIT_WORDS = 6

# ---------------------------------------------------------------- The records (figures.py)

QUOTE_MAX = 600  # a "sentence" longer than this (a table, a list with no full stops) is cut

# ---------------------------------------------------------------- Caches (entries kept per process)

FRAME_CACHE = 8192
SENTENCE_CACHE_CHARS = 2000  # texts up to this long (sentences) are remembered
SENTENCE_CACHE_SIZE = 4096
READING_CACHE = 8  # article readings kept (a collection reads an article's evidence right after its date)
PUBLISHED_CACHE = 100_000  # inferred dates kept, by a digest of the text
BEST_ORG_CACHE = 16384
KNOWN_CACHE = 8192
NAME_CACHE = 16384

# ---------------------------------------------------------------- Processes (extract_pool.py)

POOL_MIN_CHARS = 200_000  # a batch smaller than this is extracted in one process (forking costs more)
POOL_CHUNK_CHARS = 50_000  # the characters of articles one worker extracts per task

# hard-wrapped text (hard_wraps.py): a text is wrapped at a fixed width when, of its lines of at
# least WRAP_MIN_LINE characters (and there are WRAP_MIN_LINES of them), WRAP_SHORT_SHARE are
# at most WRAP_MAX_LINE characters long and WRAP_OPEN_SHARE end without a sentence's stop
WRAP_MIN_LINE = 30
WRAP_MAX_LINE = 90
WRAP_MIN_LINES = 4
WRAP_SHORT_SHARE = 0.8
WRAP_OPEN_SHARE = 0.5
