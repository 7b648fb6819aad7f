"""A faster stand-in for spaCy's ``attribute_ruler`` that gives the same tokens the same attributes.

The English model maps every fine-grained tag to its POS and morphology through an
``AttributeRuler`` of 179 token patterns run by spaCy's ``Matcher``. Profiled over 200 news
articles, that matching took 22% of the whole analysis, more than the tagger and parser together,
because the Matcher walks every pattern state for every token. The patterns are all one or two
tokens long and almost all constrain the tag, so indexing them by tag and checking each token
against its handful of candidates does the same work in a fraction of the time. The
rules themselves are read from the model's own ruler, so nothing is hand-copied; patterns using
anything this module does not understand make it keep spaCy's ruler instead.

Semantics kept from ``AttributeRuler.match``/``set_annotations``: every pattern is matched
against the tokens as the tagger and parser left them, then the matches are applied in pattern
order, so a later rule overrides an earlier one on the same attribute. Verdicts are cached per
(tag, lower-case form, dependency, is-space), the only attributes the patterns may test.

No ``from __future__ import annotations`` here: spaCy 3.8.7's config resolver (confection 0.1)
needs the factory's annotations as real types, not strings.
"""

import re
from collections.abc import Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

TokenTest = Callable[[Token], bool]
_FIELDS: dict[str, Callable[[Token], object]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_, "IS_SPACE": lambda t: t.is_space,
}  # the cache key in FastAttributes.__call__ must list every field used here


class Unsupported(ValueError):
    """A pattern uses a key or operator this module does not implement."""


def _value_test(value: object) -> Callable[[object], bool]:
    if not isinstance(value, dict):
        return lambda seen: seen == value
    if len(value) != 1:
        raise Unsupported(f"operators {sorted(value)}")
    (op, arg), = value.items()
    if op == "IN":
        options = frozenset(arg)
        return lambda seen: seen in options
    if op == "NOT_IN":
        options = frozenset(arg)
        return lambda seen: seen not in options
    if op == "REGEX":
        pattern = re.compile(arg)
        return lambda seen: isinstance(seen, str) and pattern.search(seen) is not None
    raise Unsupported(f"operator {op}")


def _tags(spec: dict) -> list[str | None]:
    """The tags a one-token pattern can match; [None] when it does not constrain the tag."""
    value = spec.get("TAG")
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return list(value["IN"])
    return [None]


def _token_test(spec: dict) -> TokenTest:
    tests = []
    for key, value in spec.items():
        if key not in _FIELDS:
            raise Unsupported(f"key {key}")
        tests.append((_FIELDS[key], _value_test(value)))
    return lambda token: all(check(get(token)) for get, check in tests)


class FastAttributes:
    """Compiled from an ``AttributeRuler``; call it on a Doc like any pipeline component."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs = list(ruler.attrs)
        self.multi: list[tuple[int, list[TokenTest], int]] = []  # (rule id, tests, target index)
        # Most one-token patterns name the tag: a token need only be tried against those naming its own.
        self.single_by_tag: dict[str | None, list[tuple[int, TokenTest]]] = {}
        for rule_id, entry in enumerate(ruler.patterns):
            index = entry.get("index", 0)
            for pattern in entry["patterns"]:
                tests = [_token_test(spec) for spec in pattern]
                target = index if index >= 0 else len(tests) + index
                if len(tests) == 1:
                    for tag in _tags(pattern[0]):
                        self.single_by_tag.setdefault(tag, []).append((rule_id, tests[0]))
                else:
                    self.multi.append((rule_id, tests, target))
        # Patterns name few words; every other word is the same to them ("" stands for it).
        self.words: set[str] = set()
        self.word_patterns: list[re.Pattern] = []
        for entry in ruler.patterns:
            for pattern in entry["patterns"]:
                for spec in pattern:
                    value = spec.get("LOWER")
                    if isinstance(value, str):
                        self.words.add(value)
                    elif isinstance(value, dict):
                        self.words.update(value.get("IN", ()))
                        self.words.update(value.get("NOT_IN", ()))
                        if "REGEX" in value:
                            self.word_patterns.append(re.compile(value["REGEX"]))
        self._word_key: dict[int, int] = {}
        # What the rules say about a token depends only on these four attributes (and, for the
        # few two-token rules, on its neighbour), so each distinct combination is judged once.
        self._cache: dict[tuple[int, ...], tuple[list[int], dict, list[tuple[int, list[TokenTest], int]]]] = {}

    def _judge(self, token: Token) -> tuple[list[int], dict, list[tuple[int, list[TokenTest], int]]]:
        candidates = self.single_by_tag.get(token.tag_, []) + self.single_by_tag.get(None, [])
        rule_ids = sorted({rule_id for rule_id, test in candidates if test(token)})
        merged: dict = {}
        for rule_id in rule_ids:
            merged.update(self.attrs[rule_id])
        starts = [(rule_id, tests, target) for rule_id, tests, target in self.multi if tests[0](token)]
        return rule_ids, merged, starts

    def __call__(self, doc: Doc) -> Doc:
        length = len(doc)
        keys = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        cache = self._cache
        verdicts = []
        extra: dict[int, list[int]] = {}  # token index -> ids of two-token rules that reach it
        word_key = self._word_key
        for i, (tag, lower, dep, space) in enumerate(keys):
            wkey = word_key.get(lower)
            if wkey is None:
                text = doc.vocab.strings[lower]
                named = text in self.words or any(p.search(text) for p in self.word_patterns)
                wkey = word_key[lower] = lower if named else 0
            key = (tag, wkey, dep, space)
            verdict = cache.get(key)
            if verdict is None:
                verdict = cache[key] = self._judge(doc[i])
            verdicts.append(verdict)
            for rule_id, tests, target in verdict[2]:
                if i + len(tests) <= length and all(test(doc[i + k]) for k, test in enumerate(tests[1:], 1)):
                    extra.setdefault(i + target, []).append(rule_id)
        for i, (rule_ids, merged, _) in enumerate(verdicts):
            if i in extra:  # interleave with the token's own rules, in rule order
                for rule_id in sorted(set(rule_ids) | set(extra[i])):
                    set_token_attrs(doc[i], self.attrs[rule_id])
            elif merged:
                set_token_attrs(doc[i], merged)
        return doc


def compile_ruler(ruler: AttributeRuler) -> FastAttributes | None:
    try:
        return FastAttributes(ruler)
    except Unsupported:
        return None


@Language.factory("parallax_attributes")
def _factory(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    ruler = nlp.get_pipe("attribute_ruler")
    fast = compile_ruler(ruler)
    return fast if fast is not None else ruler
