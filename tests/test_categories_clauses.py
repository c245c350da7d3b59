"""A category does not carry across a new clause that has a speaker of its own: what the storm
left and what officials said are two statements."""
import pytest


from helpers import figures_of


def _figures(text: str) -> list[tuple[int, str]]:
    return figures_of(text, "category", published="2022-02-27")


@pytest.mark.parametrize("text, expected", [
    ("The storm left 20,000 homes without power, and officials said 300 people were evacuated.",
     [(300, "evacuated")]),
    ("The blast shattered the windows of hundreds of people, and the agency fears up to 5,000 could be forced "
     "to flee their homes.", [(5000, "displaced")]),
], ids=["officials-said", "agency-fears"])
def test_no_category_across_a_new_speakers_clause(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A total of 13 adults, including eight guards, and a child were killed.", [(13, "killed"), (8, "killed")]),
    ("Twelve soldiers, and 30 civilians were killed.", [(12, "killed"), (30, "killed")]),
], ids=["list-with-a-child", "oxford-comma"])
def test_list_members_still_share_the_verb(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("More than 600,000 displaced Syrians have returned home this year, the agency said.", [(600000, "returned")]),
    ("About 2,000 evacuees have returned home since the river fell.", [(2000, "returned")]),
    ("Some 3,000 refugees returned to Burundi last week.", [(3000, "returned")]),
], ids=["displaced-returned", "evacuees-returned", "refugees-returned"])
def test_a_return_ends_the_status_the_noun_names(text, expected):
    assert _figures(text) == expected


@pytest.mark.parametrize("text", [
    "Officials had to send in three engine crews to rescue a man who ignored the orders to leave.",
    "Two fire crews evacuated the last residents of the valley.",
], ids=["crews-sent", "crews-evacuating"])
def test_crews_who_rescue_are_not_evacuees(text):
    assert _figures(text) == []
