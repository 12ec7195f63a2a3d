"""Closed word classes the offline pipeline reasons with.

Only closed classes live here: titles and roles, the head words that make a capitalised phrase
an organisation, a facility or a place, the demonyms of the world's states, and the
organisations, armed groups and news outlets the international press names most (world-wide,
not one conflict). Open classes (places) come from data packages, see `gazetteers`.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS as _SPACY_STOP_WORDS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


# Function words ("the", "of", "which"): spaCy's English list, the one its tokens' `is_stop`
# reads. The project's one stop-word list; lower-case.
FUNCTION_WORDS: frozenset[str] = frozenset(_SPACY_STOP_WORDS)
# Function words and the reporting words news copy puts in any sentence ("said", "new"): words
# that identify nothing, in an issuer's name or an actor's description. Lower-case.
STOP_WORDS: frozenset[str] = FUNCTION_WORDS | frozenset({"said", "says", "told", "new"})

# Words that introduce a person's name: "President Erdogan", "spokesman John Kirby". Lower-case.
PERSON_TITLES = _words(
    """
    president presidents vice prime minister ministers secretary secretary-general chancellor
    premier king queen prince princess emir sheikh sultan crown ayatollah imam pope cardinal
    bishop archbishop rabbi patriarch mullah maulvi mawlawi mufti rev. rev reverend pastor
    general gen. gen lt. lt lieutenant col. col colonel maj. maj major brig. brig brigadier
    capt. capt captain sgt. sgt sergeant cpl. corporal pvt. private adm. adm admiral commander
    cmdr. marshal field commandant chief
    mr. mr mrs. mrs ms. ms miss dr. dr doctor prof. prof professor sir lord lady dame
    sen. sen senator rep. rep representative congressman congresswoman governor gov. gov mayor
    ambassador envoy diplomat spokesman spokeswoman spokesperson deputy director head leader
    chairman chairwoman chairperson chair speaker lawmaker legislator mp judge justice
    prosecutor attorney counsel adviser advisor aide negotiator mediator coordinator
    commissioner official officer inspector superintendent ceo founder
    correspondent reporter journalist photographer editor analyst researcher expert
    activist witness resident survivor doctor nurse farmer teacher student mother father
    son daughter brother sister wife husband uncle nephew cousin widow
    militant fighter soldier rebel warlord commander-in-chief strongman dictator
    """
)

# Words of a title that may precede a name but are not themselves enough ("Defense" in
# "Defense Secretary Lloyd Austin"). Lower-case.
TITLE_MODIFIERS = _words(
    """
    foreign defence defense interior home finance health education justice information
    state national federal regional provincial district military army police security
    intelligence opposition former late acting interim outgoing incoming newly elected
    de facto top senior chief deputy assistant under vice first second third general
    supreme grand special presidential government armed forces rebel militia group
    executive managing regional country programme program humanitarian
    """
)

# "X said", "said X", "according to X": verbs of attribution in news copy. Lower-case.
SPEECH_VERBS = _words(
    """
    said says told added stated noted wrote warned claimed announced insisted argued asked
    explained confirmed denied acknowledged tweeted posted urged vowed recalled reported
    described estimated admitted called replied alleged
    """
)

# "said X" (inverted attribution): the verbs that put the speaker after them. Lower-case.
INVERTED_SPEECH_VERBS = _words("said says added wrote stated")

# Nouns in an apposition after a name that say what it is: "Ataullah Atta, a member of the
# provincial council"; "Emergency Room, a volunteer group"; "Thantlang, a major town".
PERSON_APPOSITION = _words(
    """
    member spokesman spokeswoman spokesperson resident official head leader representative
    owner worker minister president governor mayor commander director chairman chairwoman
    founder father mother son daughter brother sister wife husband widow cousin nephew uncle
    activist witness survivor farmer teacher student doctor nurse journalist reporter
    correspondent analyst researcher expert lawyer professor officer soldier fighter colonel
    general lieutenant captain sergeant envoy ambassador adviser advisor aide negotiator
    militant politician lawmaker senator diplomat cleric imam priest judge prosecutor engineer
    father-of mechanic driver shopkeeper trader vendor pharmacist paramedic medic surgeon
    volunteer defender veteran deputy chief-of-staff secretary-general secretary secretary
    """
)
ORG_APPOSITION = _words(
    """
    group watchdog organisation organization agency network coalition militia movement party
    company charity body outlet newspaper broadcaster alliance union faction committee council
    ngo nonprofit non-profit firm institute think-tank monitor tank platform channel website
    station force army brigade unit association federation initiative
    """
)
PLACE_APPOSITION = _words(
    """
    town city village capital district province region state country camp port area suburb
    neighbourhood neighborhood township hamlet settlement stronghold enclave island county
    municipality governorate oblast locality
    """
)

# Lower-case words right after an unknown name that make it an organisation:
# "the Sonna news agency", "Wagner fighters".
ORG_NOUNS_AFTER = _words(
    """
    news agency newspaper daily channel broadcaster militants fighters rebels militia
    militiamen insurgents jihadists movement party faction paramilitaries paramilitary
    television tv radio website outlet network group gang coalition brigade brigades alliance
    """
)

# Lower-case words right before an unknown name that make it an organisation:
# "members of the gang Viv Ansanm".
ORG_NOUNS_BEFORE = _words("gang group militia movement coalition outlet newspaper broadcaster agency")

# Lower-case words right after an unknown name that make it a person: "the al-Fara family".
PERSON_NOUNS_AFTER = _words("family clan")

# Lower-case words right after an unknown name that make it a facility: "the Eid Gah mosque".
FAC_NOUNS_AFTER = _words("mosque church hospital clinic airport airbase prison bridge school stadium dam refinery checkpoint crossing")

# Ships are named after these words ("the tanker Torm Thor", "the Captain Paris vessel");
# trained English pipelines label ship names PRODUCT.
SHIP_NOUNS = _words("ship ships vessel vessels tanker tankers freighter carrier destroyer frigate warship cruiser boat")
SHIP_PREFIXES = _words("USS HMS INS MV MT SS RFS")

# Capitalised heads and tails of event names: "Cyclone Mocha", "the Six-Day War".
EVENT_HEADS = _words("Cyclone Hurricane Typhoon Storm Operation")
EVENT_SUFFIXES = _words("War Revolution Uprising Intifada Offensive Massacre Genocide Olympics Summit")

# A capitalised phrase ending in one of these is an organisation: "Rapid Support Forces".
ORG_SUFFIXES = _words(
    """
    Council Army Forces Force Command Party Movement Agency Front Ministry Organization
    Organisation Committee Commission Corps Brigade Brigades Battalion Battalions Regiment
    Division Guard Guards Militia Militias Service Services Union Alliance Coalition
    Authority Authorities Administration Court Parliament Assembly Congress Senate Cabinet
    Bank Fund Institute University College Academy School Times Post Herald Tribune Journal
    Gazette News Press Network Channel Television TV Radio Agency Office Bureau Department
    Federation Association Foundation Company Corporation Corp Inc Ltd Group Watch Mission
    Programme Program Crescent Cross Society Centre Center Network Observatory Board
    Directorate Secretariat Legion Navy Airforce Police Gendarmerie Unit Units Squad Battalion
    Emirate Caliphate Government Regime Junta Tribunal Bloc League Council Conference
    Initiative Project Industries Airlines Airways Television Broadcasting Broadcast Media
    Telegraph Monitor Observer Review Daily Weekly Express Mail Standard Guardian Chronicle
    Inquirer Today Insider Sun Star Agency Alliance Consortium Trust Partners Holdings
    Committees Councils Unions Ministries Agencies Organizations Organisations Groups Networks
    """
)

# A capitalised phrase starting with one of these and continuing with "of" is an organisation:
# "Ministry of Defence", "University of Khartoum". Title case.
ORG_HEADS = _words(
    """
    Ministry Department Office University Bank Council Commission Committee Union Federation
    Institute Organization Organisation Court Army Party Movement Front Bureau Board Agency
    Embassy Consulate Church League Association Academy College Parliament Assembly House
    Directorate Secretariat Supreme High National General Federal Central Coalition Alliance
    Friends Sons Soldiers Army Brigade Brigades Forces Group Muslim Cabinet Order Mission
    Government Islamic Alliance People's Popular Revolutionary Democratic United
    """
)

# The transliterated words armed groups' names open with ("Katiba Macina", "Jaish al-Adl",
# "Tehrik-i-Taliban", "Liwa al-Quds"): a capitalised run opening with one is an organisation,
# never a person, whatever place or family name follows. Title case.
ARMED_GROUP_OPENERS = _words(
    """
    Katiba Kataib Jamaat Jama'at Harakat Ansar Liwa Jaysh Jaish Saraya Tehrik Tehreek Lashkar
    Jabhat Hayat Hay'at Firqat Alwiya
    """
)

# Words that make a capitalised phrase a facility: "Hamid Karzai International Airport".
FAC_SUFFIXES = _words(
    """
    Airport Airbase Hospital Clinic Prison Jail Bridge Base Mosque Church Cathedral Temple
    Synagogue Monastery Square Street Road Avenue Highway Boulevard Palace Stadium Dam Port
    Harbour Harbor Station Plant Embassy Consulate Building Tower Towers Hotel Complex Compound
    Barracks Refinery Terminal Checkpoint Crossing Market Mall Museum Library Gate Gates Wall
    Tunnel Canal Pipeline Reactor Facility Field Airfield Camp Masjid Jamia
    """
)

# Natural features: "the Red Sea", "Nuba Mountains". Title case.
LOC_SUFFIXES = _words(
    """
    River Sea Ocean Gulf Mountains Mountain Mount Valley Desert Strait Straits Lake Peninsula
    Coast Bay Island Islands Corridor Basin Plateau Hills Heights Delta Plain Plains Forest
    Pass Range Lakes Horn Sahel Channel
    """
)

# Administrative heads that extend a place name: "Kandahar Province", "Donetsk region".
GPE_SUFFIXES = _words(
    """
    Province Region Oblast Governorate District State County City Territory Territories
    Prefecture Municipality Department Emirate Republic Kingdom Raion Rayon Township Division
    Zone Woreda Commune Locality
    province region oblast governorate district city state county territory municipality
    """
)

# Words before a place name that belong to it: "North Darfur", "Northern Rakhine".
PLACE_PREFIXES = _words(
    """
    North South East West Northern Southern Eastern Western Central Upper Lower Greater
    New Old Northeast Northwest Southeast Southwest Northeastern Northwestern Southeastern
    Southwestern Al El
    """
)

# Lower-case words allowed inside a capitalised phrase: "Ministry of Foreign Affairs",
# "Islamic State of Iraq and the Levant", "Abu Bakr al-Baghdadi", "Abdel Fattah al-Burhan".
CONNECTORS = _words("of de del la le du da di van von bin ibn bint al el ul ud")
NAME_PARTICLES = _words("bin ibn bint al el ul ud abu abdul abdel abd van von de del da di le la du")

# Capitalised words that are never entities on their own. Title case.
NON_ENTITY_WORDS = _words(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
    Oct Nov Dec I I'm I've I'd I'll Mr Mrs Ms Dr God Allah Lord AM PM GMT UTC
    """
)

# All-capital tokens that are not organisations (units, media, weapons, times).
NON_ENTITY_ACRONYMS = _words(
    """
    TV AM PM GMT UTC EST CET ID IDs OK CEO CEOs CFO COO MP MPs PhD MD HIV AIDS COVID SARS DNA
    IED IEDs RPG RPGs UAV UAVs MLRS ATGM ATGMs SAM SAMs APC APCs ICBM ICBMs HQ PR PS PPS FAQ
    USD EUR GBP GDP CPI VIP VIPs SUV SUVs BBQ DIY FYI LOL OMG URL HTML SMS GPS WMD WMDs
    IDP IDPs POW POWs WIA MIA RIP AKA ETA ASAP AD BC BCE CE KM SQ NB PPE CCTV ICU ER
    A B C D E F G H I J K L M N O P Q R S T U V W X Y Z II III IV VI VII VIII IX XI XII
    AND THE OF IN ON TO FOR BY AT WITH FROM AS IS IT BE OR AN NO NOT BUT WE US
    """
) - {"US"}

# Country short forms the press uses where the ISO 3166 names differ ("Russia", "Russian
# Federation"; "UK", "United Kingdom"), each with its ISO 3166 alpha-2 code. The one table of
# them: `gazetteers` names each country by GeoNames' short name for the code, `casualties.location`
# ranks the form as a country.
COUNTRY_SHORT_FORMS: dict[str, str] = {
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "America": "US", "United States of America": "US",
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB",
    "UAE": "AE", "U.A.E.": "AE", "Emirates": "AE",
    "DRC": "CD", "DR Congo": "CD", "Democratic Republic of Congo": "CD", "Democratic Republic of the Congo": "CD",
    "Congo-Kinshasa": "CD",
    "Congo-Brazzaville": "CG",
    "Russia": "RU", "Turkey": "TR", "Turkiye": "TR", "Türkiye": "TR", "Czech Republic": "CZ", "Czechia": "CZ",
    "Ivory Coast": "CI", "Côte d'Ivoire": "CI", "Cote d'Ivoire": "CI", "Burma": "MM", "Holland": "NL",
    "South Korea": "KR", "North Korea": "KP", "PRC": "CN", "KSA": "SA",
    "Palestine": "PS", "Palestinian territories": "PS", "Palestinian Territories": "PS",
    "East Timor": "TL", "Cape Verde": "CV", "Swaziland": "SZ", "Macedonia": "MK", "Vatican": "VA", "Brunei": "BN",
}

# First-level subdivisions (states, provinces, regions) under the English names news copy uses
# where ISO 3166-2 spells them otherwise ("Michoacán de Ocampo", "Nord-Kivu", "Nīnawá"), each
# with its country's ISO 3166 alpha-2 code. `gazetteers` labels them as places and
# `casualties.location` ranks them as subdivisions, so a town in one is never placed in
# another. Names a city shares (Aleppo, Hodeidah, Veracruz) are left out: alone, they name the
# city as often.
SUBDIVISION_SHORT_FORMS: dict[str, str] = {
    "Michoacán": "MX", "Michoacan": "MX", "Coahuila": "MX",
    "North Kivu": "CD", "South Kivu": "CD",
    "Tigray": "ET", "Amhara": "ET", "Benishangul-Gumuz": "ET",
    "Nineveh": "IQ", "Ninewa": "IQ", "Anbar": "IQ", "Salahuddin": "IQ", "Salah al-Din": "IQ", "Salahaddin": "IQ",
    "Lower Shabelle": "SO", "Middle Shabelle": "SO", "Lower Juba": "SO", "Middle Juba": "SO", "Banadir": "SO",
    "Hadramout": "YE", "Hadramawt": "YE", "Hadhramaut": "YE",
    "Gezira": "SD", "Al Gezira": "SD", "River Nile": "SD",
}

# Names the press uses as a country's that have no ISO 3166 code of their own, each with the
# name `gazetteers` gives it.
UNCODED_COUNTRY_NAMES: dict[str, str] = {
    "Soviet Union": "Soviet Union", "USSR": "Soviet Union", "Gaza Strip": "Gaza Strip", "West Bank": "West Bank",
}

# Demonyms and nationality adjectives of the world's states, plus the plural forms news copy
# uses. A closed class (one or two per state), so written out rather than derived.
DEMONYMS = _words(
    """
    Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian Australian
    Austrian Azerbaijani Azeri Bahamian Bahraini Bangladeshi Barbadian Belarusian Belgian
    Belizean Beninese Bhutanese Bolivian Bosnian Botswanan Brazilian British Bruneian Bulgarian
    Burkinabe Burmese Burundian Cambodian Cameroonian Canadian Chadian Chilean Chinese
    Colombian Comorian Congolese Croatian Cuban Cypriot Czech Danish Djiboutian Dominican Dutch
    Ecuadorian Egyptian Emirati Equatoguinean Eritrean Estonian Eswatini Ethiopian Fijian
    Filipino Finnish French Gabonese Gambian Georgian German Ghanaian Greek Grenadian
    Guatemalan Guinean Guyanese Haitian Honduran Hungarian Icelandic Indian Indonesian Iranian
    Iraqi Irish Israeli Italian Ivorian Jamaican Japanese Jordanian Kazakh Kazakhstani Kenyan
    Korean Kosovar Kosovan Kuwaiti Kyrgyz Lao Laotian Latvian Lebanese Liberian Libyan
    Liechtensteiner Lithuanian Luxembourgish Macedonian Malagasy Malawian Malaysian Maldivian
    Malian Maltese Mauritanian Mauritian Mexican Moldovan Monegasque Mongolian Montenegrin
    Moroccan Mozambican Namibian Nepalese Nepali Nicaraguan Nigerien Nigerian Norwegian Omani
    Pakistani Palestinian Panamanian Paraguayan Peruvian Polish Portuguese Qatari Romanian
    Russian Rwandan Salvadoran Samoan Saudi Scottish Senegalese Serbian Seychellois
    Singaporean Slovak Slovakian Slovenian Somalian Sudanese Surinamese Swazi Swedish
    Swiss Syrian Taiwanese Tajik Tajikistani Tanzanian Thai Togolese Tongan Trinidadian
    Tunisian Turkish Turkmen Tuvaluan Ugandan Ukrainian Uruguayan Uzbek Uzbekistani Venezuelan
    Vietnamese Welsh Yemeni Zambian Zimbabwean Sahrawi Tibetan Uyghur Uighur Chechen Crimean
    Soviet European African Asian Arabian Western Persian Balkan Caucasian Baltic
    Scandinavian Nordic Levantine Maghrebi Sahelian Tigrayan Amhara Oromo Somali Afar
    Kurdish Kurd Pashtun Pashto Hazara Baloch Baluch Tuareg Fulani Hausa Yoruba Igbo Rohingya
    Kachin Karenni Bamar Darfuri Masalit Zaghawa Nuba Druze Alawite
    Yazidi Assyrian Bedouin Berber Amazigh Copt Coptic Maronite Shia Shiite Shi'ite Sunni
    Muslim Christian Jewish Catholic Orthodox Protestant Evangelical Hindu Buddhist Sikh
    Islamic Islamist Jihadist Salafist Salafi Wahhabi Zionist Marxist Communist Maoist
    Republican Democrat Democratic Conservative Liberal Socialist Labour Tory Houthi Hutu
    Tutsi Dinka Nuer Serb Croat Bosniak Turk Pole Swede Dane Finn Scot Brit Jew Arab Briton
    """
)

# Plurals written out where a final "s" is wrong or the singular differs.
DEMONYM_PLURALS = _words(
    """
    Afghans Americans Russians Ukrainians Syrians Iraqis Iranians Israelis Palestinians Turks
    Kurds Arabs Jews Brits Britons Poles Swedes Danes Finns Scots Pakistanis Indians Yemenis
    Saudis Somalis Ethiopians Eritreans Sudanese Libyans Egyptians Lebanese Jordanians
    Chinese Japanese Europeans Africans Asians Westerners Muslims Christians Catholics Hindus
    Buddhists Sikhs Shias Shiites Sunnis Alawites Yazidis Druze Copts Islamists Jihadists
    Salafists Communists Maoists Republicans Democrats Conservatives Liberals Socialists
    Houthis Hutus Tutsis Serbs Croats Bosniaks Pashtuns Hazaras Tajiks Uzbeks Baloch
    Rohingya Tigrayans Amharas Oromos Tuaregs Fulanis Malians Nigeriens Nigerians Chadians
    Burkinabe Germans Frenchmen Georgians Armenians Azerbaijanis Kazakhs Belarusians Chechens
    Uyghurs Tibetans Burmese Congolese Kenyans Ugandans Rwandans Tanzanians Mozambicans
    Algerians Moroccans Tunisians Qataris Emiratis Kuwaitis Bahrainis Omanis Filipinos Koreans
    Vietnamese Taiwanese Canadians Mexicans Brazilians Australians Italians Greeks Cypriots
    Albanians Kosovars Bosnians Moldovans Romanians Hungarians Bulgarians Lithuanians Latvians
    Estonians Darfuris Bedouins Berbers Maronites Assyrians Sahrawis Zionists Venezuelans
    Colombians Cubans Haitians Bangladeshis Nepalis Sri Lankans Ivorians Senegalese Ghanaians
    Cameroonians Libyans Nubians Dinkas Nuers Karens Kachins
    """
)

# Organisations, armed groups, agencies and news outlets as the international press names
# them, world-wide. (label, name) — short and long forms both listed so either is found.
KNOWN_ORGS = _phrases(
    """
    United Nations
    UN
    U.N.
    United Nations Security Council
    UN Security Council
    Security Council
    UN General Assembly
    General Assembly
    UN Human Rights Council
    UNICEF
    UNHCR
    UNRWA
    UNAMA
    UNMISS
    UNDP
    UNESCO
    OCHA
    UNFPA
    UNOSOM
    MINUSMA
    MONUSCO
    UNIFIL
    World Food Programme
    WFP
    World Health Organization
    WHO
    International Committee of the Red Cross
    ICRC
    Red Cross
    Red Crescent
    International Criminal Court
    ICC
    International Court of Justice
    ICJ
    International Atomic Energy Agency
    IAEA
    International Monetary Fund
    IMF
    World Bank
    Amnesty International
    Human Rights Watch
    Doctors Without Borders
    Médecins Sans Frontières
    Medecins Sans Frontieres
    MSF
    Save the Children
    Oxfam
    Norwegian Refugee Council
    International Rescue Committee
    International Organization for Migration
    IOM
    NATO
    North Atlantic Treaty Organization
    European Union
    EU
    E.U.
    European Commission
    European Parliament
    African Union
    AU
    Arab League
    ECOWAS
    IGAD
    ASEAN
    OSCE
    Organization of Islamic Cooperation
    OIC
    Gulf Cooperation Council
    GCC
    Shanghai Cooperation Organisation
    BRICS
    G7
    G20
    Taliban
    Islamic Emirate
    al-Qaeda
    al-Qaida
    al Qaeda
    Al-Qaeda
    Al Qaeda
    AQAP
    AQIM
    Islamic State
    ISIS
    ISIL
    IS
    Daesh
    ISIS-K
    IS-K
    ISKP
    Islamic State Khorasan Province
    Hamas
    Islamic Jihad
    Palestinian Islamic Jihad
    Hezbollah
    Hizbollah
    Houthis
    Houthi
    Ansar Allah
    al-Shabaab
    al-Shabab
    Al-Shabaab
    Al-Shabab
    Boko Haram
    ISWAP
    JNIM
    Jama'at Nusrat al-Islam wal-Muslimin
    Hayat Tahrir al-Sham
    HTS
    Syrian Democratic Forces
    SDF
    YPG
    PKK
    Kurdistan Workers' Party
    Peshmerga
    Free Syrian Army
    Syrian National Army
    Wagner
    Wagner Group
    Africa Corps
    Rapid Support Forces
    RSF
    Sudanese Armed Forces
    SAF
    Janjaweed
    Tigray People's Liberation Front
    TPLF
    Fano
    Oromo Liberation Army
    OLA
    M23
    ADF
    Arakan Army
    Tatmadaw
    National Unity Government
    People's Defence Force
    People's Defense Force
    PDF
    Kachin Independence Army
    KIA
    Karen National Union
    KNU
    Ta'ang National Liberation Army
    Myanmar National Democratic Alliance Army
    Lashkar-e-Taiba
    Jaish-e-Mohammed
    Tehrik-i-Taliban Pakistan
    TTP
    Haqqani network
    Fatah
    Palestinian Authority
    PLO
    IDF
    Israel Defense Forces
    Shin Bet
    Mossad
    IRGC
    Islamic Revolutionary Guard Corps
    Revolutionary Guards
    Quds Force
    Kataib Hezbollah
    Popular Mobilization Forces
    Hashd al-Shaabi
    Azov
    Azov Brigade
    SBU
    FSB
    GRU
    KGB
    CIA
    FBI
    NSA
    MI6
    Pentagon
    White House
    Kremlin
    State Department
    Downing Street
    Elysee
    Élysée
    Congress
    Senate
    Knesset
    Duma
    Rada
    Verkhovna Rada
    Bundestag
    Security Service of Ukraine
    Ukrainian Armed Forces
    Russian Armed Forces
    National Guard
    Reuters
    Associated Press
    AP
    Agence France-Presse
    AFP
    BBC
    CNN
    Al Jazeera
    Al-Jazeera
    Al Arabiya
    Sky News
    Fox News
    NPR
    ABC News
    CBS News
    NBC News
    Bloomberg
    The New York Times
    New York Times
    The Washington Post
    Washington Post
    The Guardian
    Financial Times
    The Wall Street Journal
    Wall Street Journal
    The Economist
    Deutsche Welle
    DW
    France 24
    Euronews
    TASS
    RIA Novosti
    Interfax
    Xinhua
    Anadolu
    Anadolu Agency
    IRNA
    Tasnim
    SANA
    WAFA
    Kyodo
    Yonhap
    Ukrinform
    Kyiv Independent
    Meduza
    Times of Israel
    Haaretz
    TOLOnews
    Tolo News
    Pajhwok
    Ariana News
    Radio Free Europe
    Radio Free Europe/Radio Liberty
    RFE/RL
    Voice of America
    VOA
    RT
    Sputnik
    ACLED
    Airwars
    Bellingcat
    Institute for the Study of War
    ISW
    Crisis Group
    International Crisis Group
    SOHR
    Syrian Observatory for Human Rights
    Wagner
    Hamas-run health ministry
    Justice and Equality Movement
    Sudan Liberation Movement
    SPLM
    SPLM-N
    Janjaweed
    Seleka
    Anti-balaka
    Ambazonia
    Mujahideen
    Northern Alliance
    National Resistance Front
    Biden administration
    Trump administration
    Telegram
    Facebook
    Twitter
    YouTube
    Instagram
    WhatsApp
    TikTok
    Google
    Starlink
    Meta
    """
)

# Spellings and short forms of one organisation the press alternates between. Closed class:
# the armed groups and bodies of KNOWN_ORGS. Maps a form to the name used as canonical.
ORG_ALIASES: dict[str, str] = {
    "al-Qaida": "al-Qaeda", "al Qaida": "al-Qaeda", "Al-Qaida": "al-Qaeda", "al Qaeda": "al-Qaeda",
    "Al Qaeda": "al-Qaeda", "Al-Qaeda": "al-Qaeda", "al-Shabab": "al-Shabaab", "Al-Shabab": "al-Shabaab",
    "Al Shabab": "al-Shabaab", "al Shabab": "al-Shabaab", "Al Shabaab": "al-Shabaab",
    "Al-Shabaab": "al-Shabaab", "ISIS": "Islamic State", "ISIL": "Islamic State", "IS": "Islamic State",
    "Daesh": "Islamic State", "Hizbollah": "Hezbollah", "Hizbullah": "Hezbollah", "Houthi": "Houthis",
    "Ansar Allah": "Houthis", "ISIS-K": "Islamic State Khorasan Province", "ISKP": "Islamic State Khorasan Province",
    "IS-K": "Islamic State Khorasan Province", "TTP": "Tehrik-i-Taliban Pakistan",
    "Tehrik-e-Taliban Pakistan": "Tehrik-i-Taliban Pakistan", "Pakistani Taliban": "Tehrik-i-Taliban Pakistan",
    "Al Jazeera": "Al Jazeera", "Al-Jazeera": "Al Jazeera", "Medecins Sans Frontieres": "Doctors Without Borders",
    "Médecins Sans Frontières": "Doctors Without Borders", "MSF": "Doctors Without Borders",
    "Wagner Group": "Wagner", "Revolutionary Guards": "Islamic Revolutionary Guard Corps",
    "IRGC": "Islamic Revolutionary Guard Corps", "Revolutionary Guard": "Islamic Revolutionary Guard Corps",
    "Tatmadaw": "Tatmadaw", "People's Defense Force": "People's Defence Force",
    "People's Defense Forces": "People's Defence Force", "People's Defence Forces": "People's Defence Force",
}

# A few facility names the press uses without a suffix.
KNOWN_FACILITIES = _phrases(
    """
    Zaporizhzhia nuclear power plant
    Zaporizhzhia Nuclear Power Plant
    Chernobyl
    Al-Shifa hospital
    Al-Aqsa Mosque
    Al-Aqsa
    Temple Mount
    Bagram
    Bagram Airfield
    Guantanamo
    Guantanamo Bay
    Azovstal
    Kerch Bridge
    Crimean Bridge
    Rafah crossing
    Kerem Shalom
    """
)

# Regions and natural features news copy names often that are not states or subdivisions.
KNOWN_LOCATIONS = _phrases(
    """
    Middle East
    Horn of Africa
    Sahel
    Maghreb
    Levant
    Balkans
    Caucasus
    Central Asia
    South Asia
    Southeast Asia
    East Africa
    West Africa
    North Africa
    Sub-Saharan Africa
    Gulf
    Persian Gulf
    Gulf of Aden
    Red Sea
    Black Sea
    Mediterranean
    Mediterranean Sea
    Caspian Sea
    Sea of Azov
    Baltic Sea
    Arabian Sea
    Indian Ocean
    Atlantic
    Pacific
    Bab el-Mandeb
    Strait of Hormuz
    Suez Canal
    Nile
    Euphrates
    Tigris
    Dnipro
    Dnieper
    Golan Heights
    Sinai
    Donbas
    Donbass
    Hindu Kush
    Panjshir Valley
    Korengal
    Durand Line
    Nuba Mountains
    Jebel Marra
    Lake Chad
    Liptako-Gourma
    Europe
    Africa
    Asia
    Latin America
    Western Europe
    Eastern Europe
    Scandinavia
    Arctic
    Antarctica
    Central Africa
    """
)

# Lower-case words after a name that make it a place: "the Zamzam camp", "Donetsk region".
PLACE_NOUNS_AFTER = _words(
    "region regions province provinces state states district city town village villages "
    "township governorate county oblast camp port area neighbourhood neighborhood suburb "
    "municipality valley frontier regional provincial quarter zone woreda township junction roundabout square "
    "crossroads intersection"
)
# Lower-case words between a name and a place noun: "the Abu Shouk displacement camp".
PLACE_NOUN_MODIFIERS = _words("displacement refugee border frontier coastal mountain rural farming fishing market")

# Lower-case words before "of" that make the next name a place: "the town of Djibo".
PLACE_NOUNS_OF = _words(
    "town village city district province region state county capital outskirts suburb "
    "governorate port island municipality neighbourhood neighborhood area resident residents "
    "governor mayor centre center east west north south heart people community communities "
    "neighbourhoods neighborhoods villages towns"
)

# Regions the press names as places that are not (or not under that spelling) ISO
# subdivisions or GeoNames cities. Labelled GPE, as trained English pipelines do.
KNOWN_REGIONS = _phrases(
    """
    Darfur
    Kordofan
    Tigray
    Oromia
    Amhara region
    Crimea
    Donbas
    Donbass
    Kashmir
    Kurdistan
    Iraqi Kurdistan
    Gaza Strip
    West Bank
    East Jerusalem
    Balochistan
    Baluchistan
    Khyber Pakhtunkhwa
    Waziristan
    North Waziristan
    South Waziristan
    Xinjiang
    Tibet
    Chechnya
    Dagestan
    Nagorno-Karabakh
    Karabakh
    Abkhazia
    South Ossetia
    Transnistria
    Cabo Delgado
    Ituri
    North Kivu
    South Kivu
    Puntland
    Somaliland
    Jubaland
    Azawad
    Borno
    Hodeidah
    Hudaydah
    Deir al-Balah
    Avdiivka
    Kurdish region
    Rojava
    Idlib province
    Donetsk
    Luhansk
    Zaporizhzhia
    Kherson
    Sinai Peninsula
    """
)
