"""Shared word lists, one place each (as textacy keeps its in one constants module).

Every stage reads its word lists from here: the weekday and ordinal words, the number words and
scales, the plausible years. Lists that only one extractor uses (its cue verbs, its hedges) stay
next to that extractor.
"""

from __future__ import annotations

import math

# Ordinal words by value, in the languages the stories are compared in: "fourth flight" and
# "fifth flight" are look-alike events told apart by the ordinal.
ORDINAL_WORDS: dict[int, str] = {
    1: "first 1st premier première primo prima primer primera primeiro erste ersten erster pierwszy первый перший",
    2: "second 2nd deuxième seconde secondo seconda segundo segunda zweite zweiten drugi второй другий",
    3: "third 3rd troisième terzo terza tercer tercera terceiro dritte dritten trzeci третий третій",
    4: "fourth 4th quatrième quarto quarta cuarto cuarta vierte vierten czwarty четвертый четвертий",
    5: "fifth 5th cinquième quinto quinta fünfte fünften piąty пятый п'ятий",
    6: "sixth 6th sixième sesto sesta sexto sexta sechste sechsten szósty шестой шостий",
    7: "seventh 7th septième settimo settima séptimo séptima siebte siebten siódmy седьмой сьомий",
}

# Years a news text can plausibly name as a date; other four-digit numbers are counts.
FIRST_YEAR, LAST_YEAR = 1900, 2100

# Characters Python's ``\w`` leaves out although they are part of words: the vowel signs Indic
# scripts write inside a word ("सीटें": ी and ें), Arabic and Hebrew vowel points, Latin combining
# accents, Thai. Without them "सीटें" falls apart into "स" and "ट". For regular-expression classes.
# Chinese, Japanese (kana and kanji) and Korean (Hangul) characters: scripts written without
# spaces between words. For regular-expression classes.
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# The languages written in the Latin alphabet whose names of countries the gazetteer knows (CLDR's).
LATIN_SCRIPT_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "tr", "cs", "sk", "sl", "hr", "ro", "hu",
                          "sv", "da", "nb", "fi", "id")
# Capital letters beyond ASCII, of the Latin, Greek, Cyrillic and Armenian blocks (U+00C0-U+052F),
# listed one by one: a range such as "Ā-Ž" holds the small letters too ("ş", "ł", "ž" alternate
# with their capitals), and Python's re has no \p{Lu}.
CAPITALS = "".join(c for c in map(chr, range(0x00C0, 0x0530)) if c.isupper())
WORD_MARKS = "\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670\u0900-\u0dff\u0e00-\u0e7f"

# Number words, in the languages the analysis reads numbers in ("three", "trois"), and scales
# ("150 mila", "2,5 млн").
WORD_NUMBERS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "un": 1, "une": 1, "deux": 2,
    "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
}
SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # Indian English
    "mille": 1e3, "milliard": 1e9, "milliards": 1e9,
    "tausend": 1e3, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9, "mio": 1e6, "mrd": 1e9,
    "mil": 1e3, "millón": 1e6, "millones": 1e6, "milhão": 1e6, "milhões": 1e6, "bilhão": 1e9, "bilhões": 1e9,
    "mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9,
    "duizend": 1e3, "miljoen": 1e6, "miljard": 1e9,
    "tys": 1e3, "tysiąc": 1e3, "tysiące": 1e3, "tysięcy": 1e3, "mln": 1e6, "mld": 1e9, "bn": 1e9, "tsd": 1e3,
    "tisíc": 1e3, "tisíce": 1e3,
    "тыс": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "млн": 1e6, "миллион": 1e6, "миллиона": 1e6,
    "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
    "тис": 1e3, "тисяча": 1e3, "тисячі": 1e3, "тисяч": 1e3, "мільйон": 1e6, "мільйона": 1e6, "мільйонів": 1e6,
    "χιλιάδες": 1e3, "εκατομμύρια": 1e6,
    "bin": 1e3, "milyon": 1e6, "milyar": 1e9,  # Turkish
    "ribu": 1e3, "juta": 1e6, "miliar": 1e9,  # Indonesian and Malay
    "nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9,  # Vietnamese
    "ألف": 1e3, "ألفا": 1e3, "آلاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9,  # Arabic
    "هزار": 1e3, "میلیون": 1e6, "میلیارد": 1e9,  # Persian
    "אלף": 1e3, "אלפים": 1e3, "מיליון": 1e6,  # Hebrew
    "हज़ार": 1e3, "हजार": 1e3, "लाख": 1e5, "करोड़": 1e7, "करोड": 1e7,  # Hindi
    "만": 1e4, "억": 1e8, "천": 1e3,  # Korean, written as a word ("15만 명")
}
# Chinese, Japanese and Korean write the scale onto the number ("15万人", "3億円", "15만여 명").
# "兆"/"조" (a trillion) are left out: "제3조" is an article of a law, and "兆" a million in some usage.
CJK_SCALES: dict[str, float] = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "千": 1e3, "만": 1e4, "억": 1e8, "천": 1e3}

# Round magnitudes said in words, per language, as the interval they leave open: "thousands of
# people", "des dizaines de milliers", "Zehntausende", "десятки тысяч", "数万人", "수천 명". A
# convention of each language, not a fitted value; read only in articles of that language
# ("miles" is Spanish thousands and English miles). Longer phrases are matched first.
_TENS, _HUNDREDS, _THOUSANDS = (10.0, 99.0), (100.0, 999.0), (1e3, 9999.0)
_TENS_K, _HUNDREDS_K, _MILLIONS = (1e4, 99999.0), (1e5, 999999.0), (1e6, 9999999.0)
_ONE_K = (1e3, 1e3)
MAGNITUDE_WORDS: dict[str, dict[str, tuple[float, float]]] = {
    "en": {"dozens": _TENS, "hundreds": _HUNDREDS, "thousands": _THOUSANDS, "tens of thousands": _TENS_K,
           "hundreds of thousands": _HUNDREDS_K, "millions": _MILLIONS, "a thousand": _ONE_K},
    "fr": {"dizaines": _TENS, "centaines": _HUNDREDS, "milliers": _THOUSANDS, "dizaines de milliers": _TENS_K,
           "centaines de milliers": _HUNDREDS_K, "millions": _MILLIONS, "mille": _ONE_K},
    "de": {"dutzende": _TENS, "hunderte": _HUNDREDS, "tausende": _THOUSANDS, "zehntausende": _TENS_K,
           "hunderttausende": _HUNDREDS_K, "millionen": _MILLIONS, "tausend": _ONE_K},
    "es": {"decenas": _TENS, "cientos": _HUNDREDS, "centenares": _HUNDREDS, "miles": _THOUSANDS,
           "decenas de miles": _TENS_K, "cientos de miles": _HUNDREDS_K, "millones": _MILLIONS},
    "it": {"decine": _TENS, "centinaia": _HUNDREDS, "migliaia": _THOUSANDS, "decine di migliaia": _TENS_K,
           "centinaia di migliaia": _HUNDREDS_K, "milioni": _MILLIONS},
    "pt": {"dezenas": _TENS, "centenas": _HUNDREDS, "milhares": _THOUSANDS, "dezenas de milhares": _TENS_K,
           "centenas de milhares": _HUNDREDS_K, "milhões": _MILLIONS},
    "ru": {"десятки": _TENS, "десятков": _TENS, "сотни": _HUNDREDS, "сотен": _HUNDREDS, "тысячи": _THOUSANDS,
           "десятки тысяч": _TENS_K, "десятков тысяч": _TENS_K, "десятка тысяч": _TENS_K, "сотни тысяч": _HUNDREDS_K,
           "сотен тысяч": _HUNDREDS_K, "миллионы": _MILLIONS, "тысяча": _ONE_K},
    "uk": {"десятки": _TENS, "десятків": _TENS, "сотні": _HUNDREDS, "сотень": _HUNDREDS, "тисячі": _THOUSANDS,
           "десятки тисяч": _TENS_K, "десятків тисяч": _TENS_K, "сотні тисяч": _HUNDREDS_K, "мільйони": _MILLIONS},
    "pl": {"dziesiątki": _TENS, "setki": _HUNDREDS, "tysiące": _THOUSANDS, "dziesiątki tysięcy": _TENS_K,
           "setki tysięcy": _HUNDREDS_K, "miliony": _MILLIONS},
    "tr": {"onlarca": _TENS, "yüzlerce": _HUNDREDS, "binlerce": _THOUSANDS, "on binlerce": _TENS_K,
           "yüz binlerce": _HUNDREDS_K, "milyonlarca": _MILLIONS},
    "ar": {"عشرات": _TENS, "مئات": _HUNDREDS, "آلاف": _THOUSANDS, "عشرات الآلاف": _TENS_K,
           "مئات الآلاف": _HUNDREDS_K, "ملايين": _MILLIONS},
    "zh": {"数十": _TENS, "數十": _TENS, "数百": _HUNDREDS, "數百": _HUNDREDS, "数千": _THOUSANDS, "數千": _THOUSANDS,
           "数万": _TENS_K, "數萬": _TENS_K, "上万": _TENS_K, "上萬": _TENS_K, "数十万": _HUNDREDS_K,
           "數十萬": _HUNDREDS_K},
    "ja": {"数十": _TENS, "数百": _HUNDREDS, "数千": _THOUSANDS, "数万": _TENS_K, "数十万": _HUNDREDS_K},
    "ko": {"수십": _TENS, "수백": _HUNDREDS, "수천": _THOUSANDS, "수만": _TENS_K, "수십만": _HUNDREDS_K},
}

# What hedge words mean, as an interval around the number they hedge: "about 150,000" agrees with
# "150,000"; "more than 1,000" with "1,200". A convention of the language, not a fitted value.
HEDGE_BOUNDS: dict[str, tuple[float, float]] = {
    "about": (0.9, 1.1), "around": (0.9, 1.1), "approximately": (0.9, 1.1), "roughly": (0.9, 1.1),
    "some": (0.9, 1.1), "nearly": (0.9, 1.0), "almost": (0.9, 1.0), "close to": (0.9, 1.0),
    "an estimated": (0.9, 1.1), "estimated": (0.9, 1.1), "environ": (0.9, 1.1), "près de": (0.9, 1.0),
    "etwa": (0.9, 1.1), "rund": (0.9, 1.1), "fast": (0.9, 1.0), "knapp": (0.9, 1.0), "circa": (0.9, 1.1),
    "quasi": (0.9, 1.0), "alrededor de": (0.9, 1.1), "cerca de": (0.9, 1.0), "casi": (0.9, 1.0),
    "около": (0.9, 1.1), "почти": (0.9, 1.0), "близько": (0.9, 1.1), "майже": (0.9, 1.0),
    "more than": (1.0, math.inf), "over": (1.0, math.inf), "at least": (1.0, math.inf), "upwards of": (1.0, math.inf),
    "plus de": (1.0, math.inf), "au moins": (1.0, math.inf), "mehr als": (1.0, math.inf), "über": (1.0, math.inf),
    "mindestens": (1.0, math.inf), "más de": (1.0, math.inf), "al menos": (1.0, math.inf), "più di": (1.0, math.inf),
    "oltre": (1.0, math.inf), "almeno": (1.0, math.inf), "более": (1.0, math.inf), "свыше": (1.0, math.inf),
    "понад": (1.0, math.inf), "не менее": (1.0, math.inf), "как минимум": (1.0, math.inf), "just over": (1.0, 1.1),
    "less than": (0.0, 1.0), "fewer than": (0.0, 1.0), "under": (0.0, 1.0), "up to": (0.0, 1.0),
    "at most": (0.0, 1.0), "moins de": (0.0, 1.0), "jusqu'à": (0.0, 1.0), "weniger als": (0.0, 1.0),
    "menos de": (0.0, 1.0), "meno di": (0.0, 1.0), "менее": (0.0, 1.0), "just under": (0.9, 1.0),
    # Portuguese, Dutch, Polish, Turkish, Indonesian, Arabic, Hindi
    "aproximadamente": (0.9, 1.1), "mais de": (1.0, math.inf), "pelo menos": (1.0, math.inf),
    "ongeveer": (0.9, 1.1), "bijna": (0.9, 1.0), "meer dan": (1.0, math.inf), "minstens": (1.0, math.inf),
    "około": (0.9, 1.1), "prawie": (0.9, 1.0), "ponad": (1.0, math.inf), "co najmniej": (1.0, math.inf),
    "yaklaşık": (0.9, 1.1), "en az": (1.0, math.inf), "sekitar": (0.9, 1.1), "hampir": (0.9, 1.0),
    "lebih dari": (1.0, math.inf), "حوالي": (0.9, 1.1), "حوالى": (0.9, 1.1), "نحو": (0.9, 1.1),
    "قرابة": (0.9, 1.0), "أكثر من": (1.0, math.inf), "أقل من": (0.0, 1.0), "लगभग": (0.9, 1.1),
    "करीब": (0.9, 1.1), "क़रीब": (0.9, 1.1),
}
# Hedges of Chinese, Japanese and Korean, written onto the number without a space: before it
# ("约15万", "約150人", "약 15만") or after it ("10多人", "1000여 명", "100명 이상", "15万人左右").
CJK_HEDGES_BEFORE: dict[str, tuple[float, float]] = {
    "约": (0.9, 1.1), "約": (0.9, 1.1), "大约": (0.9, 1.1), "大約": (0.9, 1.1), "およそ": (0.9, 1.1),
    "약": (0.9, 1.1), "近": (0.9, 1.0), "将近": (0.9, 1.0), "將近": (0.9, 1.0), "逾": (1.0, math.inf),
    "超过": (1.0, math.inf), "超過": (1.0, math.inf), "至少": (1.0, math.inf), "少なくとも": (1.0, math.inf),
    "최소": (1.0, math.inf),
}
CJK_HEDGES_AFTER: dict[str, tuple[float, float]] = {
    "多": (1.0, math.inf), "余": (1.0, math.inf), "餘": (1.0, math.inf), "여": (1.0, math.inf),
    "以上": (1.0, math.inf), "이상": (1.0, math.inf), "超": (1.0, math.inf), "左右": (0.9, 1.1),
    "前後": (0.9, 1.1), "가량": (0.9, 1.1), "정도": (0.9, 1.1), "ほど": (0.9, 1.1),
}

# Count words of more languages, for durations only ("zwei Wochen", "seis meses"): among the
# analysis' WORD_NUMBERS they would turn English "due to" or German "sei" into numbers everywhere.
DURATION_COUNT_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "uno": 1, "una": 1, "un": 1, "une": 1, "ein": 1, "eine": 1, "einen": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "due": 2, "tre": 3, "quattro": 4, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
    "dois": 2, "duas": 2, "três": 3, "dez": 10,
    # Tens, for the minutes of "due ore e trenta minuti", "dos horas y veinte minutos"
    "quindici": 15, "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50,
    "quince": 15, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
    "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50,
    "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
}
# Count words before a counted noun, per language ("vier Menschen", "zwölf Landkreise", "tres
# heridos", "πέντε εκρήξεις", "dört günlük"), read only in articles of that language: across
# languages they collide ("due" is Italian two and English "due to"). English goes through spaCy's
# number entities. Two to twelve: "one" is mostly an article ("ein", "un", "una"). Left out, as
# they are common words too: Italian "sei" (you are), French "neuf" (new) and "sept" (Sept.),
# Turkish "yedi" (ate) and "on" (ten, and a loan word), Dutch "acht" (esteem).
# Nouns whose figure is a count of the dead: "the death toll rose to 25", "a toll of 25".
TOLL_WORDS = frozenset({"toll"})

COUNT_WORDS: dict[str, dict[str, int]] = {
    "fr": {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "huit": 8, "dix": 10, "onze": 11, "douze": 12},
    "de": {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
           "elf": 11, "zwölf": 12},
    "es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
           "once": 11, "doce": 12},
    "it": {"due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
           "undici": 11, "dodici": 12},
    "pt": {"dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9,
           "dez": 10, "onze": 11, "doze": 12},
    "nl": {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "negen": 9, "tien": 10, "elf": 11,
           "twaalf": 12},
    "ru": {"два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3, "четыре": 4, "четырёх": 4, "четырех": 4,
           "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8,
           "девять": 9, "девяти": 9, "десять": 10, "десяти": 10},
    "uk": {"два": 2, "дві": 2, "двох": 2, "три": 3, "трьох": 3, "чотири": 4, "чотирьох": 4, "п'ять": 5, "п’ять": 5,
           "шість": 6, "вісім": 8, "дев'ять": 9, "дев’ять": 9, "десять": 10},
    "pl": {"dwa": 2, "dwie": 2, "dwóch": 2, "trzy": 3, "trzech": 3, "cztery": 4, "czterech": 4, "pięć": 5,
           "pięciu": 5, "sześć": 6, "sześciu": 6, "siedem": 7, "siedmiu": 7, "osiem": 8, "ośmiu": 8,
           "dziewięć": 9, "dziesięć": 10},
    "cs": {"dva": 2, "dvě": 2, "tři": 3, "čtyři": 4, "pět": 5, "šest": 6, "sedm": 7, "osm": 8, "devět": 9,
           "deset": 10},
    "sk": {"dva": 2, "dve": 2, "dvaja": 2, "tri": 3, "traja": 3, "štyri": 4, "štyria": 4, "päť": 5, "šesť": 6,
           "sedem": 7, "osem": 8, "deväť": 9, "desať": 10},
    "tr": {"iki": 2, "İki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "sekiz": 8, "dokuz": 9},
    "el": {"δύο": 2, "τρία": 3, "τρεις": 3, "τέσσερα": 4, "τέσσερις": 4, "πέντε": 5, "έξι": 6, "επτά": 7,
           "εφτά": 7, "οκτώ": 8, "οχτώ": 8, "εννέα": 9, "εννιά": 9, "δέκα": 10},
}
# Count words of a physical measure ("deux kilogrammes", "на два километра", "до двух килограмм",
# "plus d'un kilomètre"): the single counts of the duration count words and of WORD_NUMBERS, and
# the Russian forms a count takes before its unit (nominative and genitive).
MEASURE_COUNT_WORDS: dict[str, int] = {
    **{w: n for w, n in {**DURATION_COUNT_WORDS, **WORD_NUMBERS}.items() if n <= 10},  # fixed: single counts
    "один": 1, "одного": 1, "одну": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3,
    "четыре": 4, "четырёх": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7,
    "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
}
# Words of a span of hours and minutes outside English ("vier Stunden und 19 Minuten", "due ore e
# 16 minuti", "quatre heures et 19 minutes"), as regular-expression alternatives.
HOUR_WORDS = r"heures?|stunden?|horas?|ore|часа|часов|годин[иа]?"
MINUTE_WORDS = r"minutes?|minuten?|minutos?|minuti|минут[аы]?|хвилин[иа]?"
AND_WORDS = r"und|et|e|y|и|і|та"
# "Eight other candidates", "huit autres", "otros ocho": a count that leaves someone out, so one
# more than it ("nine candidates") is the same field, not another figure. Folded words, any order
# within a few words of the number.
OTHER_WORDS = frozenset(
    "other others autres autre andere anderen weitere weiteren otros otras otro altri altre outros outras "
    "других другие інших інші drugich innych diğer 其他 其余 他の ほかの 다른 나머지".split())
# Conditional markers: "he would have turned 48", "исполнилось бы 48 лет", "il aurait eu 48 ans".
# An age in such a sentence is one the person did not reach, so it is no disagreement with their age.
# Compared lower-cased, not folded: folded, "hätte" and "würde" would read as the indicative "hatte",
# "wurde", and "бы" as English "by".
CONDITIONAL_WORDS = frozenset("would бы aurait auraient habría avrebbe teria wäre hätte würde".split())
HUNDRED = 100  # number words up to this count spans of time ("twenty days"); larger ones are rare there

# Days in one unit of each word, as an interval, and the words.
DAY_UNITS = (
    ((1.0, 1.0), r"days?|jours?|journées?|tage?n?|días?|dias?|giorni|giorno|дн(?:я|ей|ів)|день|доби"
                 r"|dagen|dni|dzień|dny|dní|dnů|ημέρες|ημερών|μέρες|gün|günlük|günü|يوما|يومًا|يوم|أيام"),
    ((7.0, 7.0), r"weeks?|semaines?|wochen?|semanas?|settiman[ae]|недел[иьяю]|тижн(?:і|ів|ень)"
                 r"|weken|tygodni|tygodnie|tydzień|týdny|týdnů|týden|εβδομάδες|hafta|haftalık|أسابيع|أسبوع"),
    ((28.0, 31.0), r"months?|mois|monate?n?|mes(?:es)?|mes[ei]|месяц(?:а|ев)?|місяц(?:і|ів|ь)"
                   r"|maanden|miesięcy|miesiące|miesiąc|měsíců|měsíce|měsíc|μήνες|aylık|أشهر|شهور|شهر"),
)
MONTH_DAYS = (28, 31)
DAYS_IN_NOMINAL_MONTH = 30  # "six months" reads as 180 days when one value is needed
DAYS_IN_WEEK = 7
MINUTES_IN_HOUR = 60
HOURS_IN_DAY = 24
HALF_DAY = 12  # the hours "p.m." adds

# Comparison terms are folded words cut to this many letters ("evacuation" / "évacuation" /
# "evacuazione" -> "evacu"); the stems in the lexicon's tables (units, counted nouns) are written so.
STEM_CHARS = 5
MIN_WORD_CHARS = 3  # shorter words are function words ("de", "la", "of"), numbers aside

# Quotation marks of the languages we read: a quoted passage is the speaker's words, which any
# report of the statement repeats, so copy detection compares texts without them.
QUOTE_OPENERS = "\"“„«»‹「『〈《"
QUOTE_CLOSERS = "\"”“»«›」』〉》"
# Full stops of the scripts that end a sentence with a mark of their own: Chinese and Japanese
# (no space follows), Devanagari's danda, Arabic and Urdu.
WIDE_FULL_STOPS = "。！？।॥؟۔"

# German writes every noun with a capital, so in a language without a name model a lone capitalised
# word is often a common noun ("Ernennung", "Untersuchungshaft"). These endings, and these joints
# inside a compound ("Untersuchungs|haft", "Präsidentschafts|kandidat"), mark nouns; surnames
# rarely have them (how short a word is left alone: analyze.entities.german_noun_min_chars).
GERMAN_NOUN_ENDINGS = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen",
                       "tät", "täten", "ismus", "nisse", "partei", "parteien", "polizei")
GERMAN_NOUN_JOINTS = ("ungs", "heits", "keits", "schafts", "tions", "täts")
# German articles, determiners and quantifiers, with the contractions of a preposition and an article
# ("im", "zum"): what follows them is a noun, however capitalised.
GERMAN_DETERMINERS = frozenset(
    "der die das den dem des im am zum zur vom beim ins ans aufs".split()
    + [stem + ending for stem in ("ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "dies", "jed", "jen")
       for ending in ("", "e", "en", "em", "er", "es")]
    # Counts and quantifiers count nouns: "drei Sätzen", "viele Menschen", "Hunderte Raketen".
    + "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert hunderte tausend "
      "tausende viele vielen mehrere mehreren einige einigen wenige wenigen zahlreiche zahlreichen beide beiden "
      "alle allen".split())
