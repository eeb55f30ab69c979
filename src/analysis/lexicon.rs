//! Word lists that carry general knowledge of English news writing: titles,
//! speech verbs, organization words, and the embedded data tables.

use super::wordmap::WordMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Capitalized titles and role words that stand before a name and are not
/// part of it ("Treasury Secretary Scott Bessent").
const TITLES: &[&str] = &[
    "Taoiseach",
    "Tánaiste",
    "President",
    "President-elect",
    "Minister",
    "Ministers",
    "Secretary",
    "Secretary-General",
    "Justice",
    "Senator",
    "Senators",
    "Sen",
    "Sen.",
    "Sens.",
    "Representative",
    "Rep",
    "Rep.",
    "Reps.",
    "Congressman",
    "Congresswoman",
    "Councilman",
    "Councilwoman",
    "Councilmember",
    "Councillor",
    "Councilor",
    "Assemblyman",
    "Assemblywoman",
    "Assemblymember",
    "Alderman",
    "Alderwoman",
    "Alderperson",
    "Selectman",
    "Selectwoman",
    "Governor",
    "Gov",
    "Gov.",
    "Mayor",
    "Dr",
    "Dr.",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "Mx.",
    "Prof",
    "Prof.",
    "Professor",
    "General",
    "Gen.",
    "Col.",
    "Colonel",
    "Major",
    "Maj.",
    "Captain",
    "Capt.",
    "Admiral",
    "Adm.",
    "Sergeant",
    "Sgt.",
    "Commander",
    "Cmdr.",
    "Marshal",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Emperor",
    "Empress",
    "Pope",
    "Cardinal",
    "Archbishop",
    "Bishop",
    "Rev.",
    "Reverend",
    "Father",
    "Rabbi",
    "Imam",
    "Ayatollah",
    "Sheikh",
    "Sheik",
    "Emir",
    "Sultan",
    "Judge",
    "Attorney",
    "Solicitor",
    "Ambassador",
    "Envoy",
    "Speaker",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Chair",
    "CEO",
    "Director",
    "Commissioner",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Leader",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Premier",
    "Officer",
    "Adviser",
    "Advisor",
    "Coach",
    "Detective",
    "Inspector",
    "Superintendent",
    "Delegate",
    "Baron",
    "Baroness",
    "Count",
    "Countess",
    "Duke",
    "Duchess",
    "General-Secretary",
    "Monsieur",
    "Madame",
    "Mademoiselle",
    "Mme",
    "Mme.",
    "Mlle",
    "Herr",
    "Frau",
    "Señor",
    "Señora",
    "Signor",
    "Signora",
    "Senhor",
    "Tsar",
    "Czar",
    "Doctor",
    "Mullah",
    "Pastor",
    "Presidents",
];

/// Title words that only qualify a head title ("Foreign" in "Foreign
/// Minister"): on their own they say nothing about a person.
const TITLE_MODIFIERS: &[&str] = &[
    // Party labels before a name ("Republican James Porter").
    "Democrat",
    "Republican",
    "Democratic",
    "Conservative",
    "Liberal",
    "Socialist",
    "Tory",
    "Libertarian",
    "Foreign",
    "Vice",
    "Prime",
    "Deputy",
    "Treasury",
    "Defense",
    "Defence",
    "Finance",
    "Interior",
    "Home",
    "Health",
    "Education",
    "Energy",
    "Trade",
    "Commerce",
    "Labor",
    "Labour",
    "Agriculture",
    "Economy",
    "Transport",
    "Transportation",
    "Culture",
    "Environment",
    "Former",
    "Acting",
    "Interim",
    "Senior",
    "Assistant",
    "Associate",
    "Executive",
    "Managing",
    "Majority",
    "Minority",
    "House",
    "Senate",
    "Supreme",
    "National",
    "Security",
    "Special",
    "State",
    "First",
    "Grand",
    "Field",
    "Crown",
    "Chief",
    "Lt.",
    "Lieutenant",
];

/// Lowercase role nouns: "spokesman Ned Price", "Mark Eisenbarth, Muskegon
/// County Administrator", "the French president".
const ROLE_NOUNS: &[&str] = &[
    "president",
    "vice-president",
    "minister",
    "secretary",
    "senator",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "chief",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "founder",
    "co-founder",
    "official",
    "officials",
    "analyst",
    "economist",
    "professor",
    "researcher",
    "scientist",
    "lawyer",
    "attorney",
    "adviser",
    "advisor",
    "ambassador",
    "envoy",
    "diplomat",
    "commander",
    "general",
    "executive",
    "manager",
    "coach",
    "candidate",
    "lawmaker",
    "legislator",
    "judge",
    "activist",
    "author",
    "writer",
    "journalist",
    "editor",
    "reporter",
    "administrator",
    "commissioner",
    "head",
    "owner",
    "president-elect",
    "prosecutor",
    "spokesperson",
    "aide",
    "strategist",
    "negotiator",
    "deputy",
    "counsel",
    "emir",
    "pope",
    "monarch",
    "dictator",
    "opposition",
    "founder",
    "partner",
    "economist",
    "historian",
    "expert",
    "member",
    "treasurer",
    "sheriff",
    "detective",
    "officer",
    "inspector",
    "superintendent",
    "principal",
    "dean",
    "chancellor",
    "pastor",
    "priest",
    "bishop",
    "rabbi",
    "imam",
    "cleric",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "widow",
    "brother",
    "sister",
    "colleague",
    "resident",
    "student",
    "teacher",
    "doctor",
    "nurse",
    "farmer",
    "worker",
    "owner",
    "physician",
    "surgeon",
    "veteran",
    "mp",
    "mep",
    "neighbor",
    "politician",
    "campaigner",
    "novelist",
    "poet",
    "artist",
    "singer",
    "actor",
    "actress",
    "player",
    "striker",
    "goalkeeper",
    "midfielder",
    "defender",
    "captain",
    "coach",
    "trainer",
    "organizer",
    "organiser",
    "protester",
    "witness",
    "survivor",
    "victim",
    "mediator",
    "chancellor",
    "neighbour",
    "friend",
    "cousin",
    "uncle",
    "aunt",
    "niece",
    "nephew",
    "grandson",
    "granddaughter",
    "grandmother",
    "grandfather",
];

/// Verbs that introduce reported or direct speech.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "adding",
    "continued",
    "continues",
    "remarked",
    "stated",
    "states",
    "asserted",
    "asserts",
    "claimed",
    "claims",
    "declared",
    "declares",
    "explained",
    "explains",
    "noted",
    "notes",
    "noting",
    "argued",
    "argues",
    "insisted",
    "insists",
    "wrote",
    "writes",
    "announced",
    "announces",
    "warned",
    "warns",
    "urged",
    "urges",
    "asked",
    "asks",
    "replied",
    "replies",
    "responded",
    "responds",
    "answered",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "observed",
    "commented",
    "emphasized",
    "emphasised",
    "emphasizing",
    "stressed",
    "stresses",
    "recalled",
    "recalls",
    "suggested",
    "suggests",
    "mentioned",
    "mentions",
    "predicted",
    "conceded",
    "complained",
    "cautioned",
    "concluded",
    "tweeted",
    "posted",
    "testified",
    "confirmed",
    "vowed",
    "pledged",
    "promised",
    "boasted",
    "joked",
    "quipped",
    "countered",
    "agreed",
    "saying",
    "telling",
    "voiced",
    "lamented",
    "reiterated",
    "underlined",
    "underscored",
    "proclaimed",
    "exclaimed",
    "shouted",
    "whispered",
    "murmured",
    "wondered",
    "believes",
    "believed",
    "thinks",
    "hopes",
    "hoped",
    "called",
    "describing",
    "described",
    "describes",
    "insisting",
    "arguing",
    "asserting",
    "stating",
    "warning",
    "explaining",
    "announcing",
    "declaring",
    "claiming",
    "asking",
    "replying",
    "responding",
    "reported",
    "reports",
    "demanded",
    "demands",
    "denied",
    "denies",
    "conceded",
    "admitted",
    "estimated",
    "estimates",
    "maintained",
    "maintains",
    "pointed",
    "recounted",
    "remarks",
    "continuing",
    "repeating",
    "repeated",
    "texted",
    "emailed",
    "acknowledging",
    "stressing",
    "adds",
    "cites",
    "disagreed",
    "calls",
    "objected",
    "protested",
    "interjected",
    "retorted",
    "snapped",
    "scoffed",
    "sighed",
    "shrugged",
    "laughed",
    "explained",
    "elaborated",
    "chimed",
    "chimes",
    "quips",
    "quipping",
    "scoffs",
    "concedes",
    "conceding",
    "cautions",
    "cautioning",
    "vows",
    "vowing",
    "counters",
    "countering",
    "recounts",
    "recounting",
    "marveled",
    "marvelled",
    "marvels",
    "mused",
    "muses",
    "grumbled",
    "groused",
    "griped",
    "fumed",
    "snorted",
    "barked",
    "pleaded",
    "pleads",
    "begged",
    "gushed",
    "raved",
    "enthused",
    "chuckled",
    "chuckles",
    "sniffed",
    "stammered",
    "muttered",
    "mutters",
    "mumbled",
    "sobbed",
    "reflected",
    "reasoned",
    "surmised",
    "speculated",
    "opined",
    "affirmed",
    "reassured",
    "volunteered",
    "ventured",
    "interrupted",
    "rejoined",
    "disclosed",
    "confessed",
    "bragged",
    "crowed",
    "bemoaned",
    "contended",
    "contends",
    "alleges",
    "echoed",
    "echoes",
    "concurred",
    "clarified",
    "guessed",
    "teased",
    "scolded",
    "chided",
    "blurted",
    "piped",
    "hollered",
    "reminisced",
    "inquired",
    "enquired",
    "joking",
    "recalling",
    "predicting",
    "boasting",
    "complaining",
    "lamenting",
    "laughs",
    "sighs",
    "shrugs",
    "jokes",
    "detailed",
    "details",
];

/// Words that make a capitalized run an organization.
const ORG_WORDS: &[&str] = &[
    "Department",
    "Ministry",
    "Survey",
    "Airport",
    "Act",
    "Program",
    "Programme",
    "Agency",
    "Administration",
    "Bank",
    "University",
    "Council",
    "Committee",
    "Commission",
    "Party",
    "Association",
    "Union",
    "Institute",
    "Corporation",
    "Corp",
    "Corp.",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "LLC",
    "Company",
    "Co.",
    "Group",
    "News",
    "Press",
    "Times",
    "Post",
    "Journal",
    "Court",
    "Congress",
    "Senate",
    "Parliament",
    "Assembly",
    "Office",
    "Service",
    "Services",
    "Authority",
    "Board",
    "Foundation",
    "Fund",
    "Organization",
    "Organisation",
    "Federation",
    "Alliance",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Police",
    "Guard",
    "House",
    "Network",
    "Reserve",
    "Exchange",
    "Club",
    "Church",
    "Hospital",
    "Infirmary",
    "Clinic",
    "Cooperative",
    "Development",
    "Developments",
    "Properties",
    "Realty",
    "Construction",
    "Reviews",
    "Co-operative",
    "School",
    "College",
    "Museum",
    "League",
    "Coalition",
    "Movement",
    "Front",
    "Centre",
    "Center",
    "Initiative",
    "Project",
    "Cabinet",
    "Bureau",
    "Industries",
    "Transit",
    "Electric",
    "Utilities",
    "Utility",
    "Railways",
    "Telecom",
    "Publishing",
    "Publishers",
    "Chemicals",
    "Bakery",
    "Brewery",
    "Bistro",
    "Diner",
    "Cafe",
    "Café",
    "Restaurant",
    "Pizzeria",
    "Winery",
    "Distillery",
    "Tavern",
    "Pharmacy",
    "Bookstore",
    "Bookshop",
    "Boutique",
    "Supermarket",
    "Holdings",
    "Foods",
    "Brands",
    "Laboratories",
    "Therapeutics",
    "Biosciences",
    "Robotics",
    "Logistics",
    "Solutions",
    "Enterprises",
    "Ventures",
    "Bancorp",
    "Motors",
    "Airlines",
    "Airways",
    "Systems",
    "Technologies",
    "Communications",
    "Media",
    "Broadcasting",
    "Review",
    "Herald",
    "Tribune",
    "Telegraph",
    "Guardian",
    "Gazette",
    "Daily",
    "Magazine",
    "Television",
    "Radio",
    "Council",
    "Community",
    "Nations",
    "Treaty",
    "Summit",
    "Conference",
    "Forum",
    "Games",
    "Olympics",
    "Cup",
    "Championship",
    "Festival",
    "Awards",
    "Prize",
    "Order",
    "Regiment",
    "Brigade",
    "Division",
    "Corps",
    "Command",
    "Embassy",
    "Consulate",
    "Mission",
    "Secretariat",
    "Kremlin",
    "Pentagon",
    "Treasury",
    "Parliament",
    "Legislature",
    "Cathedral",
    "Mosque",
    "Temple",
    "Building",
    "Palace",
    "Prison",
    "Laboratory",
    "Labs",
    "Studio",
    "Studios",
    "Records",
    "Pictures",
    "Party's",
    "Republicans",
    "Democrats",
    "Labor",
    "Conservatives",
    "Tories",
    "Trust",
    "Partners",
    "Capital",
    "Securities",
    "Insurance",
    "Energy",
    "Oil",
    "Gas",
    "Petroleum",
    "Steel",
    "Mining",
    "Resources",
    "Pharmaceuticals",
    "Health",
    "Care",
    "Sciences",
    "Software",
    "Electronics",
    "Bank's",
    "Fed",
    "Reuters",
    "Bloomberg",
    "United",
    "FC",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Hotspur",
    "Albion",
    // Schools, charities, firms and bands: "Maplewood Catholic", "Ghana
    // Red Cross", "Faber GmbH".
    "Academy",
    "Catholic",
    "Lutheran",
    "Elementary",
    "Prep",
    "Seminary",
    "Polytechnic",
    "Society",
    "Cross",
    "Crescent",
    "Charity",
    "Charities",
    "Hotel",
    "Casino",
    "Mall",
    "Band",
    "Orchestra",
    "Choir",
    "Ensemble",
    "GmbH",
    "AG",
    "Plc",
    "PLC",
    "Design",
    "Associates",
    "Fisheries",
    "Affairs",
    "Relations",
];

const FAMILY_NAMES_FIRST: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
    "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han",
    "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang",
    "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Jin", "Qian",
    "Dou", "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Shin",
    "Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do", "Ngo", "Duong",
];

/// Last words of the names of built or natural features ("Anderson Park",
/// "Sandy Creek"): the run names a place, never a person.
const FEATURE_WORDS: &[&str] = &[
    "Park",
    "River",
    "Lake",
    "Creek",
    "Beach",
    "Bay",
    "Hills",
    "Hill",
    "Mountain",
    "Mountains",
    "Valley",
    "Island",
    "Islands",
    "Dock",
    "Tower",
    "Bridge",
    "Library",
    "Hall",
    "Rink",
    "Gym",
    "Arena",
    "Field",
    "Playfield",
    "Square",
    "Street",
    "Road",
    "Boulevard",
    "Highway",
    "Canal",
    "Harbour",
    "Harbor",
    "Falls",
    "Forest",
    "Pond",
    "Brook",
    "Stream",
    "Peninsula",
    "Plateau",
    "Canyon",
    "Desert",
    "Glacier",
    "Sea",
    "Ocean",
    "Coast",
    "Shore",
    "Cave",
    "Reservoir",
    "Oval",
    "Stadium",
    "Station",
    "Avenue",
    "Ave.",
    "Lane",
    "Parkway",
    "Trail",
    "Pass",
    "County",
    "Parish",
    "Province",
    "Township",
    "Prefecture",
    "Oblast",
    "Governorate",
    "Junction",
    "Heights",
    "Crossing",
    // A rock formation is where it lies ("the Bakken Formation").
    "Formation",
    // A railway is its line, as a road is ("on the Welsh Highland
    // Railway"); "Railway Company" stays a firm.
    "Railroad",
    "Railway",
];

/// Kinds of natural feature written in lowercase after a name ("the
/// Mandovi river", "the Faroe islands"), which with it name one place.
const LOWERCASE_FEATURES: &[&str] = &[
    "river",
    "lake",
    "pond",
    "creek",
    "islands",
    "mountains",
    "valley",
    "canal",
    "glacier",
    "peninsula",
    "plateau",
    "strait",
];

/// First words of the names of natural features and of places named "X
/// of Y" ("Lake Chad", "Mount Kenya", "Gulf of Aden", "Isle of Man").
const FEATURE_HEADS: &[&str] = &[
    "Lake", "Mount", "Mt.", "River", "Cape", "Isle", "Island", "Gulf", "Bay", "Strait", "Port",
    "Sea", "Camp", "Fort",
];

/// Months and weekdays: capitalized, never names.
const CALENDAR: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Christmas",
    "Easter",
    "Ramadan",
    "Eid",
    "Thanksgiving",
];

/// Languages not named by a people's demonym (those are in the gazetteer's
/// demonyms): "said in Mandarin, through an interpreter" names no one.
const LANGUAGES: &[&str] = &[
    "Mandarin",
    "Cantonese",
    "Hokkien",
    "Hindi",
    "Urdu",
    "Punjabi",
    "Bengali",
    "Tamil",
    "Telugu",
    "Marathi",
    "Gujarati",
    "Kannada",
    "Malayalam",
    "Swahili",
    "Tagalog",
    "Farsi",
    "Pashto",
    "Dari",
    "Hebrew",
    "Yiddish",
    "Gaelic",
    "Esperanto",
    "Latin",
    "Sanskrit",
    "Amharic",
    "Tigrinya",
    "Yoruba",
    "Igbo",
    "Hausa",
    "Zulu",
    "Xhosa",
    "Quechua",
    "Guarani",
    "Creole",
];

/// Common capitalized words that start sentences or headlines and are never
/// names on their own.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "without",
    "of",
    "to",
    "into",
    "onto",
    "about",
    "after",
    "before",
    "during",
    "since",
    "until",
    "while",
    "when",
    "where",
    "why",
    "how",
    "what",
    "who",
    "which",
    "whom",
    "whose",
    "if",
    "but",
    "and",
    "or",
    "nor",
    "so",
    "yet",
    "as",
    "also",
    "although",
    "though",
    "because",
    "however",
    "meanwhile",
    "moreover",
    "still",
    "instead",
    "aside",
    "besides",
    "despite",
    "like",
    "unlike",
    "among",
    "amid",
    "against",
    "under",
    "over",
    "above",
    "below",
    "between",
    "through",
    "throughout",
    "within",
    "across",
    "behind",
    "beyond",
    "near",
    "off",
    "out",
    "up",
    "down",
    "all",
    "some",
    "many",
    "most",
    "more",
    "much",
    "few",
    "several",
    "both",
    "each",
    "every",
    "either",
    "neither",
    "no",
    "not",
    "now",
    "then",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "last",
    "next",
    "first",
    "second",
    "third",
    "new",
    "old",
    "other",
    "another",
    "such",
    "only",
    "just",
    "even",
    "ever",
    "never",
    "always",
    "often",
    "already",
    "again",
    "once",
    "twice",
    "yes",
    "well",
    "according",
    "following",
    "regarding",
    "including",
    "asked",
    "said",
    "says",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "some",
    "any",
    "none",
    "nobody",
    "everyone",
    "someone",
    "thus",
    "hence",
    "therefore",
    "indeed",
    "perhaps",
    "maybe",
    "almost",
    "nearly",
    "about",
    "around",
    "toward",
    "towards",
    "upon",
    "per",
    "via",
    "than",
    "whether",
    "whatever",
    "whoever",
    "wherever",
    "whenever",
    "do",
    "don't",
    "after",
    "earlier",
    "later",
    "recently",
    "currently",
    "finally",
    "initially",
    "ultimately",
    "eventually",
    "overall",
    "together",
    "mr",
    "why",
    "let",
    "see",
    "read",
    "watch",
    "photo",
    "video",
    "update",
    "updated",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "editorial",
    "via",
    "source",
    "sources",
    "officials",
    "some",
    "information",
    "report",
    "reports",
    "our",
    "us",
    "top",
    "former",
    "late",
    "dear",
    "thank",
    "thanks",
    "please",
    "sign",
];

const PRONOUNS_MALE: &[&str] = &["he", "He", "him", "his"];
const PRONOUNS_FEMALE: &[&str] = &["she", "She", "her", "hers"];

/// Connectors that may stand inside a name ("Ludwig van Beethoven",
/// "Luiz Inácio Lula da Silva", "Mohammed bin Salman").
const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "di", "del", "della", "der", "den", "van", "von", "la", "le",
    "du", "bin", "ibn", "bint", "al", "el", "ben", "ter", "zu", "y", "e",
];

type WordSet = OnceLock<WordMap<()>>;

/// Membership in a word list, through a table built on first use: the
/// analysis asks these questions for every word of a long book.
fn member(cell: &'static WordSet, list: &'static [&'static str], word: &str) -> bool {
    words(cell, list).contains(word)
}

fn words(cell: &'static WordSet, list: &'static [&'static str]) -> &'static WordMap<()> {
    cell.get_or_init(|| list.iter().map(|&w| (w, ())).collect())
}

/// Membership ignoring case, for lists of lowercase ASCII words.
fn member_folded(cell: &'static WordSet, list: &'static [&'static str], word: &str) -> bool {
    // No other word lowers to one of them ("Natásha" stays non-ASCII).
    word.is_ascii() && words(cell, list).get_ascii_lowercase(word).is_some()
}

/// `f` of the word in lowercase: short ASCII words, nearly all, are
/// lowered into a buffer on the stack instead of a new string.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII stays valid UTF-8 when lowered.
            f(std::str::from_utf8(lower).unwrap_or_default())
        }
        _ => f(&word.to_lowercase()),
    }
}

pub fn is_title(word: &str) -> bool {
    // Titles and their modifiers in one table, true for titles: one look-up
    // for the many words that are neither.
    static TABLE: OnceLock<WordMap<bool>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let modifiers = TITLE_MODIFIERS.iter().map(|&w| (w, false));
        modifiers.chain(TITLES.iter().map(|&w| (w, true))).collect()
    });
    table.contains(word) || prefixed_title(word).is_some_and(|t| table.get(t) == Some(&true))
}

/// "Then-President", "ex-Minister": a title with a time prefix.
fn prefixed_title(word: &str) -> Option<&str> {
    // A byte search: words are short, and most hold no hyphen.
    let hyphen = word.bytes().position(|b| b == b'-')?;
    let (prefix, title) = (&word[..hyphen], &word[hyphen + 1..]);
    folded_one_of(
        prefix,
        &["then", "ex", "former", "acting", "interim", "future"],
    )
    .then_some(title)
}

pub fn is_title_modifier(word: &str) -> bool {
    static SET: WordSet = OnceLock::new();
    member(&SET, TITLE_MODIFIERS, word)
}

pub fn is_role_noun(word: &str) -> bool {
    static SET: WordSet = OnceLock::new();
    member_folded(&SET, ROLE_NOUNS, word)
}

/// A place on a team, which describes a player ("the 120-kilogram prop
/// said"); positions ending like agent nouns ("striker") are known by
/// their ending.
pub fn is_team_position(word: &str) -> bool {
    matches!(
        word,
        "player"
            | "captain"
            | "prop"
            | "goalkeeper"
            | "goalie"
            | "fullback"
            | "halfback"
            | "guard"
            | "quarterback"
            | "shortstop"
            | "rookie"
            | "veteran"
            | "forward"
    )
}

pub fn is_speech_verb(word: &str) -> bool {
    static SET: WordSet = OnceLock::new();
    member(&SET, SPEECH_VERBS, word)
}

/// Prepositions that put a name in a phrase of place or company ("in
/// Vienna", "with Smith"), in any case.
pub fn is_preposition(word: &str) -> bool {
    folded_one_of(
        word,
        &[
            "in", "at", "from", "to", "near", "across", "of", "into", "for", "with", "by", "on",
            "behind",
        ],
    )
}

/// Whether `word` is one of a few lowercase words, in any case, without
/// the copy that lowering it would take: these are asked of most words
/// before a name.
fn folded_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Prepositions that put a name in a place and nowhere else ("in", not
/// "with"): a given name after them that is also a place is the place.
pub fn is_place_preposition(word: &str) -> bool {
    folded_one_of(
        word,
        &["in", "at", "near", "across", "into", "throughout", "inside"],
    )
}

/// Generational suffixes that end a name ("Martin Luther King Jr.",
/// "Charles III") without being its surname.
pub fn is_name_suffix(word: &str) -> bool {
    matches!(
        word,
        "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV" | "VI" | "VII" | "VIII"
    )
}

/// Single words that name one institution ("the Kremlin said").
pub fn is_institution(word: &str) -> bool {
    matches!(
        word,
        "Congress"
            | "Parliament"
            | "Senate"
            | "Kremlin"
            | "Pentagon"
            | "Treasury"
            | "Reuters"
            | "Bloomberg"
            | "Fed"
            | "Cabinet"
            | "Knesset"
            | "Duma"
            | "Bundestag"
            | "Vatican"
            | "Interpol"
            | "Europol"
            | "Hamas"
            | "Hezbollah"
            | "Taliban"
    )
}

/// Speech verbs whose object is the listener ("told reporters").
/// A speech verb that puts a question: the words after it are most
/// often the answer, someone else's.
pub fn is_question_verb(word: &str) -> bool {
    matches!(
        word,
        "asked" | "asks" | "asking" | "inquired" | "enquired" | "wondered" | "queried"
    )
}

pub fn takes_listener(word: &str) -> bool {
    matches!(
        word,
        "told"
            | "tells"
            | "telling"
            | "urged"
            | "urges"
            | "warned"
            | "warns"
            | "asked"
            | "asks"
            | "thanked"
            | "called"
            | "reminded"
            | "assured"
            | "informed"
    )
}

pub fn is_org_word(word: &str) -> bool {
    static SET: WordSet = OnceLock::new();
    member(&SET, ORG_WORDS, word)
}

/// Party labels, which end descriptions ("the Ohio Democrat").
pub fn is_party_label(word: &str) -> bool {
    matches!(
        word,
        "Democrat"
            | "Republican"
            | "Conservative"
            | "Liberal"
            | "Socialist"
            | "Tory"
            | "Libertarian"
    )
}

/// The most common Chinese, Korean and Vietnamese family names, which stand
/// first in a name written in its own order ("Chen Jiahui").
pub fn is_family_name_first(word: &str) -> bool {
    static SET: WordSet = OnceLock::new();
    member(&SET, FAMILY_NAMES_FIRST, word)
}

pub fn is_feature_word(word: &str) -> bool {
    static SET: WordSet = OnceLock::new();
    member(&SET, FEATURE_WORDS, word)
}

pub fn is_lowercase_feature(word: &str) -> bool {
    LOWERCASE_FEATURES.contains(&word)
}

pub fn is_feature_head(word: &str) -> bool {
    FEATURE_HEADS.contains(&word)
}

/// A language's name (see [`LANGUAGES`]).
pub fn is_language(word: &str) -> bool {
    static SET: WordSet = OnceLock::new();
    member(&SET, LANGUAGES, word)
}

pub fn is_calendar(word: &str) -> bool {
    static SET: WordSet = OnceLock::new();
    member(&SET, CALENDAR, word.trim_end_matches('.'))
}

pub fn is_function_word(word: &str) -> bool {
    static SET: WordSet = OnceLock::new();
    member_folded(&SET, FUNCTION_WORDS, word)
}

pub fn is_particle(word: &str) -> bool {
    static SET: WordSet = OnceLock::new();
    member(&SET, PARTICLES, word)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// The gender a pronoun refers to, or None for a word that is not a
/// singular personal pronoun.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    if PRONOUNS_MALE.contains(&word) {
        Some(Gender::Male)
    } else if PRONOUNS_FEMALE.contains(&word) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender an honorific implies.
pub fn title_gender(word: &str) -> Gender {
    match word.trim_end_matches('.') {
        "Mr" | "Sir" | "Lord" | "King" | "Prince" | "Father" | "Congressman" | "Councilman"
        | "Assemblyman" | "Alderman" | "Selectman" | "Chairman" | "Spokesman" | "Duke"
        | "Baron" | "Count" | "Emperor" | "Sultan" => Gender::Male,
        "Mrs" | "Ms" | "Miss" | "Lady" | "Dame" | "Queen" | "Princess" | "Sister"
        | "Congresswoman" | "Councilwoman" | "Assemblywoman" | "Alderwoman" | "Selectwoman"
        | "Chairwoman" | "Spokeswoman" | "Duchess" | "Baroness" | "Countess" | "Empress" => {
            Gender::Female
        }
        _ => Gender::Unknown,
    }
}

/// A given name as US birth records know it (`assets/given_names.tsv`,
/// made by `tools/gen_names.py` from the Social Security counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GivenName {
    /// Share of girls among those given the name, in percent.
    pub female: u8,
    /// round(2 × log10 of the count); 0 for names the records lack.
    pub count: u8,
    /// Also a common lowercase word ("Will", "Hope", "Grant").
    pub word: bool,
}

impl GivenName {
    /// The usual gender: a name given to both sexes says neither.
    pub fn gender(self) -> Gender {
        match self.female {
            0..=15 => Gender::Male,
            85..=100 => Gender::Female,
            _ => Gender::Unknown,
        }
    }

    /// Names common enough to name someone on their own, without a surname
    /// ("Hayley said"): not words, and given to some 3,000 people at least.
    pub fn stands_alone(self) -> bool {
        !self.word && (self.count == 0 || self.count >= 7)
    }
}

/// The given-name table, sorted by name.
const GIVEN_NAMES: &str = include_str!("../../assets/given_names.tsv");

/// Look-ups answered by binary search in the table where it lies, before a
/// map is built: an article asks a few hundred times and pays nothing to
/// load 28,000 names; a book asks millions of times and needs the map.
const SEARCHES_BEFORE_MAP: usize = 20_000;

pub fn given_name_info(word: &str) -> Option<GivenName> {
    static SEARCHES: AtomicUsize = AtomicUsize::new(0);
    static TABLE: OnceLock<WordMap<GivenName>> = OnceLock::new();
    // Once the map is built, nothing else is read: a book asks this for
    // most of its capitalized words.
    if let Some(table) = TABLE.get() {
        return table.get(word).copied();
    }
    let body = given_names_body();
    if SEARCHES.fetch_add(1, Relaxed) < SEARCHES_BEFORE_MAP {
        return parse_given_name(sorted_line(body, word)?).map(|(_, g)| g);
    }
    TABLE
        .get_or_init(|| body.lines().filter_map(parse_given_name).collect())
        .get(word)
        .copied()
}

/// The given-name table without its header line.
fn given_names_body() -> &'static str {
    GIVEN_NAMES.split_once('\n').map_or("", |(_, b)| b)
}

/// The line of `lines` (sorted, a tab after the key) whose key is `key`,
/// by binary search on byte offsets.
fn sorted_line<'a>(lines: &'a str, key: &str) -> Option<&'a str> {
    let bytes = lines.as_bytes();
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = memchr::memrchr(b'\n', &bytes[lo..mid]).map_or(lo, |p| lo + p + 1);
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |p| start + p);
        let line = &lines[start..end];
        let name = &line[..memchr::memchr(b'\t', line.as_bytes()).unwrap_or(line.len())];
        match name.cmp(key) {
            std::cmp::Ordering::Equal => return Some(line),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}

fn parse_given_name(line: &str) -> Option<(&str, GivenName)> {
    let mut cols = line.split('\t');
    let name = cols.next()?;
    let female = cols.next()?.parse().ok()?;
    let count = cols.next()?.parse().ok()?;
    let word = cols.next() == Some("w");
    Some((
        name,
        GivenName {
            female,
            count,
            word,
        },
    ))
}

/// Given names with their usual gender. Names that are also common words
/// count only when they are very common names ("Rose", not "Grant").
pub fn given_name(word: &str) -> Option<Gender> {
    given_name_info(word)
        .filter(|g| !g.word || g.count >= 11)
        .map(GivenName::gender)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes() {
        assert!(is_title("Secretary") && is_title("Sen."));
        assert!(is_role_noun("Spokesman") && is_role_noun("administrator"));
        assert!(is_speech_verb("remarked") && !is_speech_verb("walked"));
        assert!(is_org_word("Department") && !is_org_word("Smith"));
        assert!(is_calendar("Feb.") && is_calendar("Monday"));
        assert_eq!(pronoun_gender("She"), Some(Gender::Female));
        assert_eq!(pronoun_gender("they"), None);
        assert_eq!(title_gender("Mrs."), Gender::Female);
    }

    #[test]
    fn case_folded_lists_are_lowercase_ascii() {
        // `member_folded` rules out other words before any look-up.
        for w in ROLE_NOUNS.iter().chain(FUNCTION_WORDS) {
            assert!(w.is_ascii() && w.to_ascii_lowercase() == *w, "{w}");
        }
        assert!(is_function_word("The") && is_role_noun("SPOKESMAN"));
        assert!(!is_function_word("Thé"));
    }

    #[test]
    fn every_given_name_is_found_where_it_is_sorted() {
        let body = given_names_body();
        for line in body.lines() {
            let name = line.split('\t').next().unwrap_or_default();
            assert_eq!(sorted_line(body, name), Some(line));
        }
        assert_eq!(sorted_line(body, "Zzzzzz"), None);
        assert_eq!(sorted_line(body, ""), None);
    }

    #[test]
    fn given_names_table_loads_with_genders() {
        assert_eq!(given_name("Mary"), Some(Gender::Female));
        assert_eq!(given_name("John"), Some(Gender::Male));
        assert_eq!(given_name("Monday"), None);
        // Frequent names that are also words keep their flag.
        let will = given_name_info("Will").expect("Will");
        assert!(will.word && !will.stands_alone());
        assert_eq!(given_name("Grant"), None);
        assert!(given_name_info("Jordan").is_some_and(|g| g.gender() == Gender::Unknown));
    }
}
