"""The words new-name detection (`candidates`) knows: letters, titles, heads of body names,
and the capitalised words that are no one's name (months, weekdays, places, sentence openers).

The lists are small on purpose: they catch the common cases in English, Russian, Ukrainian
and Kazakh texts; what they miss shows up as a candidate a researcher can dismiss.
"""

from __future__ import annotations

import re

from kazsec.names.kazakh_letters import KAZAKH_SPECIFIC_LETTERS

# Letters by case, from the Latin and Cyrillic blocks the sources are written in.
_LETTERS = [chr(c) for c in range(0x41, 0x250)] + [chr(c) for c in range(0x400, 0x530)]
UPPER = "[" + "".join(c for c in _LETTERS if c.isalpha() and c.isupper()) + "]"
LOWER = "[" + "".join(c for c in _LETTERS if c.isalpha() and c.islower()) + "]"
# Letters only Kazakh writes (Russian and Ukrainian have none of them).
KAZAKH_LETTERS = KAZAKH_SPECIFIC_LETTERS
CYRILLIC = re.compile("[\u0400-\u052f]")

# Initials written before or after a surname: 'K.', 'Zh.', 'К.', 'Қ.-Ж.'.
INITIAL = rf"(?:Zh|Sh|Ch|Kh|Ts|Yu|Ya|Ye|Yo|Iu|Ia|{UPPER})\."


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised words that are never someone's name: months and weekdays (their case forms
# in Russian, Ukrainian and Kazakh start the same way, see `STOP_STEMS`), function words.
STOP_WORDS = _words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    мая мае маю май
    asian european american soviet russian chinese kazakh kazakhstani ukrainian uzbek kyrgyz
    tajik turkmen western eastern northern southern islamic
    """
)
# Stems of month and weekday names and of places, matched with case endings after them
# ('Казахстана', 'Астане', 'Қазақстанда', 'января'): the fold keys of the nominatives.
STOP_STEMS = _words(
    """
    январ феврал март апрел июн июл август сентябр октябр ноябр декабр
    січ січн лют лютого березн квітн травн червн липн серпн вересн жовтн листопад грудн
    қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қараша желтоқсан
    понедельник вторник сред четверг пятниц суббот воскресень
    понеділ вівтор серед четвер пятниц субот неділ
    дүйсенбі сейсенбі сәрсенбі бейсенбі жұма сенбі жексенбі
    kazakhstan russia china america europe asia ukraine belarus kyrgyzstan uzbekistan
    tajikistan turkmenistan mongolia afghanistan iran turkey georgia armenia azerbaijan
    germany france britain israel syria india pakistan japan korea
    astana almaty shymkent karaganda karagandy aktobe taraz pavlodar oskemen semey atyrau
    kostanay kyzylorda aktau uralsk oral petropavl petropavlovsk turkestan taldykorgan
    kokshetau zhanaozen moscow beijing washington london bishkek tashkent dushanbe kyiv
    kiev minsk baku tbilisi ankara istanbul brussels paris berlin
    казахстан россия ресей китай қытай америка европа еуропа азия украина україна беларусь
    кыргызстан қырғызстан узбекистан өзбекстан таджикистан тәжікстан туркменистан
    монголия афганистан иран турция түркия грузия армения азербайджан германия франция
    астана алматы шымкент караганда қарағанды актобе ақтөбе тараз павлодар өскемен
    семей атырау костанай қостанай кызылорда қызылорда актау ақтау уральск орал петропавл
    туркестан түркістан талдыкорган талдықорған кокшетау көкшетау жанаозен жаңаөзен москва
    мәскеу пекин бейжің вашингтон лондон бишкек ташкент душанбе киев київ минск баку
    тбилиси анкара стамбул
    """
)
# Places written in two words (their words are looked up together).
STOP_PHRASES = frozenset(
    tuple(pair.split("_"))
    for pair in _words(
        """
        united_states united_kingdom soviet_union central_asia middle_east new_york kyzyl_orda
        nur-sultan_ нур-султан_ нұр-сұлтан_ усть-каменогорск_ ust-kamenogorsk_
        центральная_азия центральной_азии орталық_азия центральна_азія советский_союз
        russian_federation российская_федерация
        """
    )
)
# Acronyms that are states, not bodies, and abbreviations of no one.
STOP_ACRONYMS = _words(
    """
    US USA UK EU UAE RK RF USSR РК РФ ҚР КР США АҚШ СССР КСРО ЕС
    II III IV VI VII VIII IX XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI
    AM PM TV ID OK PS NB PDF URL DOI ISBN GDP ВВП ЖІӨ ТВ ИИН KZT USD EUR RUB CCTV
    """
)
# Words that open sentences and are no name, even capitalised; the corpus's own lowercase
# words and the Russian and Ukrainian dictionaries catch most of the rest (see `keys`).
OPENERS = _words(
    """
    the a an this that these those there here it its he she they we i you his her their our
    in on at after before according however yesterday today tomorrow meanwhile when while
    although but and or yet since during under over former both several many some all also
    last next then later earlier now among following despite with without from for by as
    if unlike like such only even other another each every no not most more new one two
    three first second third what who which where why how do does did is was were be
    бүгін кеше ертең бұл осы сол ол олар біз мен сен оның менің біздің олардың сіздің
    сонымен алайда сондай-ақ және бірақ
    кейін бұған оған дегенмен сондықтан
    """
)

# Titles before a name: English, Russian, Ukrainian and Kazakh, with their case endings.
TITLE = (
    r"(?:(?:general|lieutenant|colonel|major|captain|sergeant|admiral|marshal|minister|"
    r"president|chairman|chairwoman|chair|director|deputy|commander|head|chief|prosecutor|"
    r"judge|senator|governor|mayor|ambassador|akim|spokesman|spokeswoman|spokesperson|"
    r"officer|agent|investigator)(?:-(?:general|colonel|admiral|major|in-chief))?"
    r"|(?:mr|mrs|ms|dr|prof|gen|col|lt|maj|capt|sgt)\.?"
    r"|(?:генерал|полковник|подполковник|майор|капитан|лейтенант|сержант|прапорщик|"
    r"адмирал|маршал|министр|президент|директор|начальник|заместител|руководител|"
    r"председател|депутат|сенатор|прокурор|посол|советник|аким|губернатор|следовател|"
    r"премьер-министр|замминистра|господин|г-н|"
    r"міністр|заступник|керівник|голов|радник|слідч|суддя|судья|пан|пані)\w*"
    r"(?:-(?:майор|лейтенант|полковник)\w*)?"
    r"|(?:генерал-(?:майор|лейтенант|полковник)|төраға|төрағасы|басшы|басшысы|әкім|әкімі|"
    r"орынбасары|елші|елшісі|кеңесші|тергеуші|мырза|ханым|министрі|директоры|депутаты|"
    r"бастығы))"
)
TITLE_WORD = re.compile(rf"(?i){TITLE}$")

# Body names in English: words of such a name that make it a body ('State Guard Service').
EN_HEADS = (
    "Ministry|Ministries|Committee|Agency|Department|Service|Services|Office|Council|"
    "Directorate|Administration|Bureau|Commission|Guard|Inspectorate|Court|Forces|Troops|"
    "Command|Centre|Center|Police|Army|Academy|Institute|Fund|Party|Assembly|Chamber|"
    "Senate|Mazhilis|Parliament|Government|Secretariat|Authority|Division|Unit|Brigade|"
    "Regiment|Battalion|Corps|Board|Union"
)
# Russian and Ukrainian heads (capitalised when they open a name), any case ending.
SLAVIC_HEADS = (
    r"(?:Министерств|Міністерств|Агентств|Ведомств|Відомств|Правительств)"
    r"(?:о|а|у|ом|е|і|ам|ами|ах)"
    r"|(?:Комитет|Комітет|Департамент|Совет|Центр|Штаб|Суд|Уряд)(?:|а|у|ом|е|ы|і|ов|ам|ами|ах)"
    r"|(?:Служб|Прокуратур|Рад)(?:а|ы|е|у|ой|ою|и|і|ам|ами|ах)"
    r"|(?:Управлени|Гварди|Агенци|Дирекци|Инспекци|Комисси|Администраци|Парти)"
    r"(?:я|и|ю|ей|е|ем|ям|ями|ях)"
    r"|(?:Управлінн|Гварді|Агенці|Дирекці|Інспекці|Комісі|Адміністраці|Парті)"
    r"(?:я|ї|ю|єю|і|ям|ями|ях)"
    r"|(?:Войск|Військ)(?:а|ам|ами|ах)?|Бюро"
)
# A capitalised adjective before a lowercase head: 'Национальная гвардия', 'Пограничная
# служба', 'Генеральная прокуратура' (Russian capitalises only a name's first word).
SLAVIC_ADJ = rf"{UPPER}{LOWER}+(?:ая|ое|ий|ый|ой|ые|ие|ей|ых|их|ого|ому|ую|а|е|і|ої|ій)"
# Kazakh heads close a name and carry its possessive ending: 'Ақпарат министрлігі',
# 'Ұлттық қауіпсіздік комитетінің'. The group `head` is the name's own form.
KAZAKH_HEAD = (
    r"(?P<head>министрлігі|комитеті|агенттігі|департаменті|қызметі|басқармасы|кеңесі|"
    r"прокуратурасы|әкімшілігі|гвардиясы|әскерлері|орталығы|партиясы|үкіметі|"
    r"инспекциясы|комиссиясы|бюросы|соты)(?P<case>\w{0,5})"
)

# Surname endings (nominative, any gender): the word is someone's family name.
SURNAME_END = re.compile(
    r"(?i)..(?:ов|ев|ёв|єв|ин|ын|ін|ова|ева|ёва|єва|ина|ына|іна|ский|цкий|ская|цкая|ський|"
    r"цький|ська|цька|енко|ко|ук|юк|чук|ич|ян|янц|дзе|швили|ұлы|улы|қызы|кызы|"
    r"ov|ev|yev|iev|in|yn|ova|eva|yeva|ina|sky|skiy|skii|ski|skaya|ska|enko|uk|yuk|chuk|"
    r"ich|vich|yan|dze|shvili|uly|kyzy|qyzy|uli)$"
)
# Patronymics: left out of a person's key ('Петров Иван Сергеевич' is Иван Петров).
PATRONYMIC = re.compile(
    r"(?i)..(?:ович|евич|ьич|ична|овна|евна|івна|ївна|ovich|evich|ovna|evna|ұлы|улы|қызы|"
    r"кызы|uly|kyzy|qyzy)(?:а|у|ем|ом|е|ой|ы|і|и|ю|ою)?$"
)
