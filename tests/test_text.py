from tinylogic.data.text import last_boxed


def test_last_boxed_takes_last_and_balances_braces():
    assert last_boxed(r"first \boxed{1} then \boxed{\frac{1}{2}} done") == r"\frac{1}{2}"
    assert last_boxed(r"\fbox{7}") == "7"
    assert last_boxed(r"answer \boxed 42 end") == "42"


def test_last_boxed_absent_or_unbalanced():
    assert last_boxed("no box here") is None
    assert last_boxed(r"\boxed{\frac{1}{2}") is None
