//! Word tables for framing: entity aliases (countries, demonyms, acronyms),
//! predicate synonym classes, attribution and negation cues, relative-time
//! phrases.
//!
//! Every table lives here as data. [`Lexicon::default`] builds the built-in
//! tables; [`Lexicon::extend`] adds user aliases and synonyms (from
//! `claimcheck.toml` later) on top of them.

use std::collections::{HashMap, HashSet};

/// The lexicon's word sets and maps: looked up for every word of every
/// sentence framed, so hashed with foldhash (a fixed seed keeps runs
/// identical), several times faster than the default SipHash on short
/// words.
pub type WordSet = HashSet<String, foldhash::fast::FixedState>;
pub type WordMap = HashMap<String, String, foldhash::fast::FixedState>;

/// Countries and places with their demonyms and other surface forms.
/// Each row: canonical name, then lower-case aliases (plural demonyms included).
const PLACES: &[(&str, &[&str])] = &[
    ("Israel", &["israel", "israeli", "israelis", "jewish state"]),
    ("Rwanda", &["rwanda", "rwandan", "rwandans"]),
    (
        "Azerbaijan",
        &[
            "azerbaijan",
            "azerbaijani",
            "azerbaijanis",
            "azeri",
            "azeris",
        ],
    ),
    ("Georgia", &["georgia", "georgian", "georgians"]),
    (
        "Russia",
        &["russia", "russian", "russians", "russian federation"],
    ),
    ("Ukraine", &["ukraine", "ukrainian", "ukrainians"]),
    ("Iran", &["iran", "iranian", "iranians"]),
    ("Syria", &["syria", "syrian", "syrians"]),
    ("Lebanon", &["lebanon", "lebanese"]),
    ("Egypt", &["egypt", "egyptian", "egyptians"]),
    ("Jordan", &["jordan", "jordanian", "jordanians"]),
    ("Iraq", &["iraq", "iraqi", "iraqis"]),
    ("Turkey", &["turkey", "turkish", "turks", "türkiye"]),
    ("India", &["india", "indian", "indians"]),
    ("Pakistan", &["pakistan", "pakistani", "pakistanis"]),
    ("China", &["china", "chinese"]),
    ("Japan", &["japan", "japanese"]),
    ("Vietnam", &["vietnam", "vietnamese", "viet nam"]),
    (
        "United States",
        &[
            "united states",
            "united states of america",
            "us",
            "u.s",
            "usa",
            "america",
            "american",
            "americans",
        ],
    ),
    (
        "United Kingdom",
        &[
            "united kingdom",
            "uk",
            "britain",
            "great britain",
            "british",
        ],
    ),
    ("France", &["france", "french"]),
    ("Germany", &["germany", "german", "germans"]),
    ("Canada", &["canada", "canadian", "canadians"]),
    ("Netherlands", &["netherlands", "dutch", "holland"]),
    ("Moldova", &["moldova", "moldovan", "moldovans"]),
    ("Uganda", &["uganda", "ugandan", "ugandans"]),
    ("Tanzania", &["tanzania", "tanzanian", "tanzanians"]),
    ("Zambia", &["zambia", "zambian", "zambians"]),
    ("Kenya", &["kenya", "kenyan", "kenyans"]),
    ("Ethiopia", &["ethiopia", "ethiopian", "ethiopians"]),
    ("Ghana", &["ghana", "ghanaian", "ghanaians"]),
    (
        "Ivory Coast",
        &["ivory coast", "côte d'ivoire", "ivorian", "ivorians"],
    ),
    ("Eritrea", &["eritrea", "eritrean", "eritreans"]),
    ("Sudan", &["sudan", "sudanese"]),
    ("South Sudan", &["south sudan", "south sudanese"]),
    ("Nigeria", &["nigeria", "nigerian", "nigerians"]),
    (
        "South Africa",
        &["south africa", "south african", "south africans"],
    ),
    ("Armenia", &["armenia", "armenian", "armenians"]),
    ("Kazakhstan", &["kazakhstan", "kazakh", "kazakhs"]),
    ("Saudi Arabia", &["saudi arabia", "saudi", "saudis"]),
    ("Palestine", &["palestine", "palestinian", "palestinians"]),
    ("Mexico", &["mexico", "mexican", "mexicans"]),
    ("Brazil", &["brazil", "brazilian", "brazilians"]),
    ("Australia", &["australia", "australian", "australians"]),
    ("Italy", &["italy", "italian", "italians"]),
    ("Spain", &["spain", "spanish"]),
    ("Poland", &["poland", "polish"]),
    ("Greece", &["greece", "greek", "greeks"]),
    ("Cyprus", &["cyprus", "cypriot", "cypriots"]),
    ("Africa", &["africa", "african", "africans"]),
    ("Europe", &["europe", "european", "europeans"]),
];

/// Organisations and their long names (lower case). Per-document
/// "Long Name (ACR)" pairs are learned on top of these.
const ORGANISATIONS: &[(&str, &[&str])] = &[
    (
        "SIPRI",
        &["sipri", "stockholm international peace research institute"],
    ),
    (
        "SIBAT",
        &["sibat", "international defense cooperation directorate"],
    ),
    ("IAI", &["iai", "israel aerospace industries"]),
    ("IMI", &["imi", "israel military industries"]),
    (
        "AIPAC",
        &["aipac", "american israel public affairs committee"],
    ),
    ("European Union", &["european union", "eu"]),
    ("United Nations", &["united nations", "un", "u.n"]),
    ("Jerusalem Post", &["jerusalem post", "the jerusalem post"]),
];

/// Predicate synonym classes: class name, then lower-case words (inflections
/// listed; a light stemmer covers the rest). Verb-like classes say what
/// happened, object classes say to what.
const VERB_CLASSES: &[(&str, &[&str])] = &[
    (
        "transfer",
        &[
            "sold",
            "sell",
            "sells",
            "selling",
            "sale",
            "sales",
            "seller",
            "supplied",
            "supply",
            "supplies",
            "supplying",
            "supplier",
            "exported",
            "export",
            "exports",
            "exporting",
            "exporter",
            "delivered",
            "deliver",
            "delivers",
            "delivery",
            "deliveries",
            "transfer",
            "transfers",
            "transferred",
            "transferring",
            "provided",
            "shipped",
            "shipments",
        ],
    ),
    (
        "purchase",
        &[
            "buy",
            "buys",
            "bought",
            "buying",
            "buyer",
            "purchase",
            "purchased",
            "purchases",
            "procure",
            "procured",
            "procurement",
            "contracts",
            "contract",
            "order",
            "ordered",
        ],
    ),
    (
        "import",
        &["imported", "import", "imports", "importing", "importer"],
    ),
    (
        "killed",
        &[
            "killed",
            "kill",
            "kills",
            "killing",
            "dead",
            "died",
            "die",
            "dies",
            "death",
            "deaths",
            "fatal",
            "fatally",
            "slain",
            "slaughter",
            "slaughtered",
            "murdered",
            "toll",
            "fatalities",
            "homicide",
            "murder",
            "slaying",
        ],
    ),
    (
        "injured",
        &[
            "wounded",
            "wounding",
            "wounds",
            "injure",
            "injured",
            "injuring",
            "injury",
            "injuries",
            "hurt",
            "hospitalized",
            "hospitalised",
        ],
    ),
    (
        "shooting",
        &[
            "shot",
            "shoot",
            "shoots",
            "shooting",
            "shootings",
            "gunfire",
            "gunshot",
            "gunshots",
            "gunman",
            "gunmen",
        ],
    ),
    (
        "vote",
        &[
            "vote",
            "votes",
            "voted",
            "voting",
            "voters",
            "election",
            "elections",
            "elected",
            "ballot",
            "ballots",
            "referendum",
        ],
    ),
];

const OBJECT_CLASSES: &[(&str, &[&str])] = &[
    (
        "arms",
        &[
            "arms",
            "weapon",
            "weapons",
            "weaponry",
            "hardware",
            "equipment",
            "munitions",
            "howitzer",
            "howitzers",
            "guns",
            "rifles",
            "missiles",
            "tanks",
            "drones",
            "artillery",
            "ammunition",
        ],
    ),
    (
        "goods",
        &[
            "goods",
            "trade",
            "products",
            "commodities",
            "oil",
            "gas",
            "merchandise",
        ],
    ),
];

/// How verb and object classes combine into the frame's predicate, first match
/// wins. `None` matches anything (including absence).
const COMBINATIONS: &[(Option<&str>, Option<&str>, &str)] = &[
    (Some("purchase"), Some("arms"), "arms purchase"),
    (Some("purchase"), None, "purchase"),
    (Some("import"), None, "import"),
    (Some("transfer"), Some("arms"), "arms"),
    (Some("transfer"), Some("goods"), "trade"),
    (Some("transfer"), None, "transfer"),
    (Some("killed"), None, "killed"),
    (Some("injured"), None, "injured"),
    (Some("shooting"), None, "shooting"),
    (Some(INCIDENT), None, INCIDENT),
    (Some("vote"), None, "vote"),
];

/// Human labels of predicates, for finding topics.
const PREDICATE_LABELS: &[(&str, &str)] = &[
    ("arms", "arms transfers"),
    ("arms purchase", "arms purchases"),
    ("purchase", "purchases"),
    ("import", "imports"),
    ("trade", "trade"),
    ("transfer", "transfers"),
    ("killed", "killed"),
    ("injured", "injured"),
    ("shooting", "shot"),
    ("vote", "vote share"),
];

/// Predicates naming a flow from one party to another: shown with "→", and
/// both parties must be known to align two claims.
const DIRECTED: &[&str] = &[
    "arms",
    "trade",
    "transfer",
    "import",
    "arms purchase",
    "purchase",
];

/// Predicates of one-off incidents: claims dated to different periods are
/// about different incidents, not related ones.
const MOMENTARY: &[&str] = &["killed", "injured", "shooting", INCIDENT];

/// The predicate of a date that refers back to the story's incident
/// without naming it (see [`INCIDENT_REFERENCES`]).
pub const INCIDENT: &str = "incident";

/// Words that refer back to the story's incident: "It happened Friday",
/// "the June 13 incident", "struck by a bullet Sunday", "called 911
/// Thursday" (and the phrases of [`INCIDENT_PHRASES`]). A date that no
/// event word claims but one of these does dates the incident. Not a verb
/// class: they do not make a sentence tell the
/// story, nor name a figure. ("bullets" is not one: "the home was sprayed
/// with bullets Thursday" recalls an earlier attack as often as it tells
/// this one.)
const INCIDENT_REFERENCES: &[&str] = &[
    "happened", "happen", "occurred", "occur", "incident", "bullet", "911",
];

/// Phrases that refer back to the story's incident where their words alone
/// do not: "their bodies were found Saturday", "medics rushed to the home
/// Sunday" ("the bodies were exhumed Tuesday" is no incident).
const INCIDENT_PHRASES: &[&str] = &[
    "bodies were found",
    "bodies found",
    "body was found",
    "found the bodies",
    "found their bodies",
    "rushed to",
    "received a call",
    "received the call",
    "received an emergency call",
    "received the emergency call",
];

/// Verbs of the emergency response, which date the incident when a
/// responder is their subject ("officers responded Saturday", "deputies
/// were dispatched Sunday"), not otherwise ("the mayor responded Monday").
const RESPONSE_VERBS: &[&str] = &["responded", "dispatched"];

/// Verbs that, after a fronted date, tell responders answered the event
/// noun that follows ("Early Sunday, police were called to the shooting"),
/// so the date is the incident's even though the noun is a topic. Alone
/// they date nothing ("called the death suspicious Monday").
const SUMMON_VERBS: &[&str] = &["called", "summoned", "rushed"];

/// Words after a summon verb that make responders' summons the incident's
/// ("police were called to the 5300 block … Sunday", "medics were summoned
/// at 8:09 a.m. Friday"); "called the death suspicious" is no summons.
const SUMMON_FOLLOWERS: &[&str] = &[
    "to", "at", "around", "about", "shortly", "just", "out", "early", "late",
];

/// Who responds to an incident (see [`RESPONSE_VERBS`]).
const RESPONDERS: &[&str] = &[
    "police",
    "officers",
    "officer",
    "deputies",
    "deputy",
    "troopers",
    "trooper",
    "firefighters",
    "paramedics",
    "medics",
    "authorities",
    "emergency",
    "crews",
    "dispatchers",
    "agents",
];

/// Verb classes that name how an event happened rather than its outcome: in
/// a clause that also has an outcome verb ("shot and killed", "shot and
/// wounded"), the outcome decides the predicate.
const MANNER_VERBS: &[&str] = &["shooting"];

/// Verbs of what happens after an incident (the investigation, the courts)
/// or of reporting it: a date nearer to one of these than to the incident
/// verb dates the follow-up ("arrested Tuesday in the killing"), not the
/// incident.
const FOLLOW_UP_VERBS: &[&str] = &[
    "arrested",
    "charged",
    "arraigned",
    "sentenced",
    "convicted",
    "indicted",
    "pleaded",
    "pled",
    "released",
    "identified",
    "pledged",
    "ruled",
    "booked",
    "jailed",
    "appeared",
    "testified",
    "announced",
    "said",
    "says",
    "told",
    "confirmed",
    "reported",
    "autopsy",
    "autopsies",
    "vigil",
    "remembered",
    "remember",
    "gather",
    "gathered",
    "funeral",
    "mourned",
    "hunting",
    "searching",
    "looking",
    "hearing",
    "appear",
    "filed",
    "conference",
    "posted",
    "updated",
    "published",
    "stated",
    "revealed",
    "issued",
    "remained",
    "remains",
    "improved",
    "improving",
    // The investigation and the courts.
    "charging",
    "charges",
    "held",
    "questioned",
    "questioning",
    "interviewed",
    "detained",
    "custody",
    "arrest",
    "warrant",
    "arraignment",
    "appears",
    "appearing",
    "court",
    "trial",
    "statement",
    "jail",
    "sought",
    "seeking",
    "apprehended",
    "surrendered",
    "charge",
    // Afterwards: the victim's release, the place, the people involved.
    "discharged",
    "closed",
    "reopen",
    "reopens",
    "reopened",
    "reopening",
    "traveling",
    "travelling",
    "memorial",
    "rally",
    "canceled",
    "cancelled",
];

/// Weapons whose discharge is the shooting: "the gun discharged" or "a gun
/// was accidentally discharged" is no patient's discharge from hospital.
const WEAPON_NOUNS: &[&str] = &[
    "gun", "weapon", "firearm", "rifle", "handgun", "shotgun", "pistol", "revolver",
];

/// What follows "fired" when it is a shot, not a dismissal: "fired at",
/// "fired shots", "fired several rounds" (a weapon noun after a determiner
/// counts too: "fired a gun"). Before it: "shots were fired".
const FIRE_OBJECTS: &[&str] = &[
    "at", "into", "upon", "shots", "shot", "rounds", "round", "bullets", "gunshots", "several",
    "multiple", "off",
];

/// What a person is "hit by" or "struck by" in a wound: "hit by a stray
/// bullet", "struck by gunfire".
const MISSILES: &[&str] = &[
    "bullet", "bullets", "gunfire", "gunshot", "gunshots", "shot", "shots", "round", "rounds",
    "pellets", "shotgun", "buckshot",
];

/// Body parts that make "struck in the head" a wound, not a blow of fate.
const BODY_PARTS: &[&str] = &[
    "head", "chest", "neck", "back", "leg", "legs", "arm", "arms", "shoulder", "stomach",
    "abdomen", "face", "hand", "foot", "thigh", "buttocks", "torso", "hip", "side", "groin",
    "knee", "eye", "jaw", "upper", "lower",
];

/// Reporting verbs among the follow-ups date the report only right after
/// them ("said Monday", "told reporters on Monday"); a date further on
/// belongs to the reported clause ("said the boy was at the party Tuesday
/// night when shots were fired").
pub const REPORT_REACH: usize = 5;

/// Words that, right after an event verb in "-ing", make it a verb with an
/// object ("charged with killing his wife"), not the name of a charge.
const OBJECT_OPENERS: &[&str] = &[
    "his", "her", "their", "its", "a", "an", "the", "two", "three", "four", "five", "him", "them",
];

/// Event words that are nouns: a date right before one modifies it ("the
/// Saturday shooting", "Sunday's killing"), and after a charge cue one
/// names the charge ("charged with murder"), not the incident.
const EVENT_NOUNS: &[&str] = &[
    "shooting",
    "shootings",
    "killing",
    "killings",
    "death",
    "deaths",
    "slaying",
    "slayings",
    "homicide",
    "homicides",
    "murder",
    "murders",
    "gunfire",
];

/// Words that may stand between a date and the event noun it modifies
/// ("Monday night's drive-by shooting", "the Saturday fatal shooting").
const ATTRIBUTIVE_MODIFIERS: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "night",
    "overnight",
    "early-morning",
    "late-night",
    "drive-by",
    "deadly",
    "fatal",
    "mass",
    "double",
    "triple",
    "quadruple",
    "apparent",
    "accidental",
    "gang-related",
    "police",
    "officer-involved",
    "police-involved",
    "domestic",
    "random",
    "road-rage",
    "news",
    "press",
    "candlelight",
];

/// Words after which, within [`CHARGE_REACH`] words and right after a
/// [`CHARGE_LINKERS`] word, an event noun names a charge or a ruling
/// ("charging him with murder", "convicted of murder", "ruled a homicide").
const CHARGE_CUES: &[&str] = &[
    "charged",
    "charging",
    "charge",
    "charges",
    "count",
    "counts",
    "accused",
    "wanted",
    "suspected",
    "guilty",
    "convicted",
    "indicted",
    "arrested",
    "arraigned",
    "sentenced",
    "pleaded",
    "pled",
    "ruled",
    "held",
    "face",
    "faces",
    "facing",
];

/// How many words after a charge cue an event noun is still its charge.
pub const CHARGE_REACH: usize = 4;

/// Words that link a charge cue to the charge ("with", "of", "to"); an
/// article right after the cue links too ("ruled a homicide"). "In the
/// shooting" names the event, not a charge.
const CHARGE_LINKERS: &[&str] = &["with", "of", "for", "to", "on"];

/// Adjectives of a charge, skipped between the linker and the noun
/// ("charged with first-degree murder").
const CHARGE_ADJECTIVES: &[&str] = &[
    "first-degree",
    "second-degree",
    "third-degree",
    "1st-degree",
    "2nd-degree",
    "3rd-degree",
    "capital",
    "attempted",
    "aggravated",
    "felony",
    "reckless",
    "criminal",
    "negligent",
    "involuntary",
    "voluntary",
    "vehicular",
];

/// Words right after an event noun that make it a charge or a case
/// ("murder charges", "homicide suspect").
const CHARGE_FOLLOWERS: &[&str] = &[
    "charge",
    "charges",
    "count",
    "counts",
    "suspect",
    "suspects",
    "case",
    "cases",
    "trial",
    "warrant",
    "investigation",
    "conviction",
    "sentence",
];

/// Words that may open a clause before a fronted date ("On Monday, …",
/// "Around 6:30 p.m. Sunday, …"); clock words and words with digits are
/// lead-ins too.
const DATE_LEAD_INS: &[&str] = &[
    "on",
    "in",
    "at",
    "by",
    "around",
    "about",
    "approximately",
    "roughly",
    "early",
    "late",
    "later",
    "earlier",
    "just",
    "shortly",
    "sometime",
    "the",
    "of",
];

/// Words of a clock time besides the extractor's time-of-day words
/// ([`crate::extract::lexicon::TIME_OF_DAY`]: "p.m", "EST").
const CLOCK_NAMES: &[&str] = &["noon", "midnight"];

/// Phrases before a date that make it a cutoff of a running tally ("As of
/// May 9, there have been 96 homicides"), not the day of an event.
const CUTOFF_CUES: &[&str] = &["as of", "through", "thru", "until", "till"];

/// Words of a page's time stamp before a date ("UPDATE (March 1, 2017
/// 11:30 a.m.):", "Posted: Saturday, December 27, 2014"), or of another
/// outlet's publication ("according to a NBC report Tuesday morning"):
/// when a page appeared or changed, not when anything happened.
const STAMP_CUES: &[&str] = &[
    "update",
    "updated",
    "posted",
    "published",
    "updated on",
    "posted on",
    "published on",
    "report",
];

/// Count words too loose to contradict a figure: "several victims" next
/// to "more than a dozen wounded" is a first impression, not a count.
const LOOSE_COUNT_WORDS: &[&str] = &[
    "several",
    "a few",
    "a handful",
    "a couple",
    "multiple",
    "a number of",
];

/// Phrases that make a count part of a later total: the dead at the scene
/// (others die in hospital), a first count ("police initially found five
/// people shot").
const PARTIAL_COUNT_CUES: &[&str] = &[
    "at the scene",
    "on the scene",
    "initially",
    "originally",
    "at first",
];

/// Prepositions that make the event noun after them (and its determiner)
/// the topic of another verb: "began emerging in the shooting", "a vigil
/// for the victims of the shooting". A fronted date dates that verb.
const TOPIC_PREPOSITIONS: &[&str] = &[
    "in",
    "into",
    "of",
    "about",
    "over",
    "for",
    "with",
    "to",
    "from",
    "behind",
    "around",
    "regarding",
    "surrounding",
];

/// Words that open a subordinate clause. After a fronted date the main
/// verb comes before them ("On Wednesday, there was speculation that the
/// shooting …"), unless an adverbial one ends at a comma ("Last July 13,
/// just before midnight, police responded …").
const SUBORDINATORS: &[&str] = &[
    "that",
    "after",
    "following",
    "when",
    "because",
    "since",
    "while",
    "before",
    "until",
    "which",
    "where",
    "whether",
    "if",
    "who",
];

/// Subordinators whose clause describes the time just named ("On May 3
/// when a man was shot", "At 10 p.m. Sunday, a teen was standing on the
/// corner when he was shot"): a fronted date's search goes on through them.
const TIME_CLAUSE_OPENERS: &[&str] = &["when", "while", "where", "who"];

/// Subordinators that open a complement or relative clause: a fronted
/// date's search stops there for good.
const COMPLEMENT_OPENERS: &[&str] = &["that", "which", "whether", "if"];

/// Words that end an attributive date's noun phrase: "the Sunday shooting"
/// and "the February 2015 barbershop slayings" run on, "the Sunday in
/// shooting" does not.
const PHRASE_BREAKS: &[&str] = &[
    "and", "or", "but", "in", "on", "at", "of", "for", "to", "with", "by", "from", "after",
    "before", "during", "when", "that", "which", "who", "was", "were", "is", "are", "has", "had",
    "have",
];

/// Determiners that make a date the start of a noun phrase ("the Saturday
/// night shooting", "a Tuesday morning shooting").
const DETERMINERS: &[&str] = &["the", "a", "an", "this", "last"];

/// How many words after a fronted date its clause's verb may be.
pub const FRONTED_REACH: usize = 14;

/// Words around a count that make the counted people the arrested or the
/// sought ("arrested two men", "searching for two men"; after the noun only
/// participles and "custody": "two people were detained", "two men in
/// custody"), not victims.
const ARREST_CUES: &[&str] = &[
    "arrested",
    "arrest",
    "charged",
    "detained",
    "booked",
    "indicted",
    "jailed",
    "apprehended",
    "custody",
    "questioned",
    "questioning",
    "sought",
    "seeking",
    "searching",
    "hunting",
    "looking",
    "wanted",
    "suspects",
];

/// How many words before a count an arrest cue still governs it.
pub const ARREST_REACH: usize = 3;

/// Verbs whose subject is the attacker, not the victim ("three men went
/// into a home and fired shots"); after an auxiliary they are passive.
const AGENT_VERBS: &[&str] = &[
    "fired",
    "opened",
    "went",
    "entered",
    "approached",
    "walked",
    "pulled",
    "drove",
    "robbed",
    "broke",
    "forced",
    "demanded",
    "stormed",
    "burst",
    "ambushed",
    "exchanged",
];

/// Counted nouns that name attackers or suspects, never victims.
const AGENT_NOUNS: &[&str] = &[
    "suspects",
    "suspect",
    "gunmen",
    "gunman",
    "shooters",
    "shooter",
    "assailants",
    "attackers",
    "robbers",
    "assailant",
    "attacker",
];

/// Auxiliaries and adverbs skipped between a counted noun and its verb
/// ("two men have since been arrested").
const AUXILIARIES: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "also",
    "later",
    "since",
    "then",
    "reportedly",
    "allegedly",
    "all",
    "both",
];

/// How many words after a counted noun its verb may be.
pub const AGENT_REACH: usize = 8;

/// Predicates that name facets of one kind of incident: dated statements
/// with predicates of the same family ("killed Saturday", "the Saturday
/// shooting") date the same event.
const EVENT_FAMILIES: &[(&str, &str)] = &[
    ("killed", "violence"),
    ("injured", "violence"),
    ("shooting", "violence"),
    (INCIDENT, "violence"),
];

/// (later, earlier): predicates of one incident whose day may follow the
/// other's — a victim dies days after being shot or wounded, or after an
/// attack told as a killing ("killed Saturday", "died Tuesday") — so a
/// death dated after the attack does not contradict it.
const LATER_OUTCOMES: &[(&str, &str)] = &[
    ("killed", "shooting"),
    ("killed", "injured"),
    ("killed", "killed"),
    ("killed", INCIDENT),
];

/// Person nouns that name the same group as another: "six Hispanic
/// males" and "three men" count one group, differently.
const GROUP_SYNONYMS: &[(&str, &str)] = &[
    ("males", "men"),
    ("females", "women"),
    ("teenagers", "teens"),
    ("kids", "children"),
];

/// Words that date a death rather than the attack: "died Sunday",
/// "succumbed to his wounds", "was pronounced dead". "Killed Saturday",
/// "shot dead" and "a shooting death" date the attack itself.
const DEATH_WORDS: &[&str] = &["died", "dies", "die", "succumbed", "pronounced"];

/// Phrases that put the death on the day of the attack: "was shot and
/// killed early Thursday" leaves no later day for "died Monday".
const ON_THE_SPOT_PHRASES: &[&str] = &["shot and killed", "shot to death", "shot dead"];

/// Words of a sentence that tells another incident than its article's
/// lead ("in another shooting", "a separate incident", "retaliation for
/// Sunday's shooting", "the earlier attack"): its day is not the lead's.
const OTHER_INCIDENT_WORDS: &[&str] = &[
    "another",
    "other",
    "separate",
    "separately",
    "unrelated",
    "earlier",
    "previous",
    "prior",
    "last",
    "also",
    "second",
    "third",
    "fourth",
    "similar",
    "retaliation",
    "connected",
    "follows",
    "followed",
    "same",
];

/// Counted nouns that all count people (compared with each other); a count
/// of "others" is a remainder, never compared.
const PERSON_NOUNS: &[&str] = &[
    "people",
    "persons",
    "person",
    "men",
    "man",
    "women",
    "woman",
    "children",
    "child",
    "teenagers",
    "teens",
    "teenager",
    "boys",
    "girls",
    "victims",
    "officers",
    "police",
    "policemen",
    "adults",
    "residents",
    "civilians",
    "soldiers",
    "students",
    "bystanders",
    "individuals",
    "males",
    "females",
    "kids",
    "juveniles",
    "youths",
    "toddlers",
    "infants",
    "babies",
    "patrons",
    "customers",
    "passengers",
    // One per person killed: "four bodies", "five deaths" (not "500
    // homicides", a city's tally).
    "bodies",
    "deaths",
    "fatalities",
];
const REMAINDER_NOUNS: &[&str] = &["others", "other", "more"];

/// Person nouns that count everyone the figure is about; the other person
/// nouns name a group among them ("two men" of "three people" killed), so
/// a smaller count of a group does not contradict a larger count of all.
const GENERAL_PERSON_NOUNS: &[&str] = &[
    "people",
    "persons",
    "person",
    "victims",
    "individuals",
    "bodies",
    "deaths",
    "fatalities",
];

/// Predicates that are near each other (partial similarity in alignment).
const RELATED_PREDICATES: &[(&str, &str, f64)] = &[
    ("arms", "transfer", 0.7),
    ("trade", "transfer", 0.7),
    ("arms", "arms purchase", 0.3),
    ("purchase", "arms purchase", 0.7),
];

/// Words that open a capitalised run without being a name: sentence starters,
/// function words, titles. Month and weekday names come from the date
/// extractor's calendar table (see [`not_names`]).
const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "the",
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "from",
    "by",
    "with",
    "as",
    "and",
    "or",
    "but",
    "if",
    "while",
    "when",
    "after",
    "before",
    "since",
    "during",
    "despite",
    "although",
    "though",
    "however",
    "according",
    "last",
    "next",
    "this",
    "that",
    "these",
    "those",
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
    "there",
    "here",
    "both",
    "all",
    "some",
    "many",
    "most",
    "thousands",
    "hundreds",
    "dozens",
    "millions",
    "tens",
    "perhaps",
    "even",
    "also",
    "yet",
    "still",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "share",
    "related",
    "popular",
    "news",
    "photo",
    "editor's",
    "choice",
    "posts",
    "comments",
    "today",
    "yesterday",
    "tomorrow",
    "earlier",
    "later",
    "among",
    "between",
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
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "first",
    "second",
    "third",
    "police",
    "officials",
    "what",
    "who",
    "where",
    "why",
    "how",
    "not",
    "no",
    "so",
    "then",
    "than",
    "such",
    "each",
    "every",
    "other",
    "another",
    "only",
    "just",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "might",
    "must",
    "said",
    "says",
    "shall",
    "arms",
    "transfers",
    "database",
    "register",
    "state",
    "states",
];

/// Titles and roles that separate names in a capitalised run
/// ("Defense Minister Avigdor Liberman" → "Avigdor Liberman").
const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "ministers",
    "defense",
    "defence",
    "foreign",
    "secretary",
    "general",
    "chief",
    "king",
    "queen",
    "prince",
    "governor",
    "mayor",
    "senator",
    "rep",
    "representative",
    "sheriff",
    "officer",
    "deputy",
    "director",
    "ambassador",
    "chairman",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "colonel",
    "lt",
    "sgt",
    "capt",
    "detective",
    "judge",
    "justice",
    "attorney",
    "pope",
    "dictator",
    "leader",
    "head",
    "former",
];

/// Upper-case tokens that are codes, not entities.
const NOT_ACRONYMS: &[&str] = &[
    "USD", "EUR", "GBP", "ILS", "NIS", "INR", "JPY", "CHF", "CAD", "AUD", "TIV", "AM", "PM", "GMT",
    "UTC", "MUST", "OK", "TV", "ID", "CEO", "I", "A",
];

/// Negation cues: a clause containing one states a denial.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "neither", "nor", "without", "nobody", "didn't", "don't",
    "doesn't", "wasn't", "weren't", "isn't", "aren't", "hasn't", "haven't", "hadn't", "won't",
    "cannot", "can't",
];

/// Verbs that attribute a statement to its subject ("SIPRI reported", "officials said").
const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "reported",
    "reports",
    "told",
    "stated",
    "announced",
    "confirmed",
    "estimated",
    "estimates",
    "showed",
    "shows",
    "revealed",
    "found",
    "wrote",
    "claimed",
    "claims",
];

/// Words after an attribution verb that make it a finding about the
/// subject, not a statement by it: "a man found guilty", "he was found
/// dead", "the victim was found shot".
const NOT_ATTRIBUTION_FOLLOWERS: &[&str] = &[
    "guilty",
    "not",
    "innocent",
    "liable",
    "responsible",
    "dead",
    "unresponsive",
    "shot",
    "stabbed",
    "wounded",
    "injured",
    "killed",
    "lying",
    "suffering",
];

/// Attribution phrases that introduce the source after them.
const ATTRIBUTION_PREPOSITIONS: &[&str] = &[
    "according to",
    "as reported by",
    "citing",
    "cited by",
    "per",
];

/// Generic sources kept as written when no named entity is present.
const GENERIC_SOURCES: &[&str] = &[
    "officials",
    "police",
    "authorities",
    "reports",
    "witnesses",
    "sources",
    "analysts",
    "statistics",
    "figures",
    "press",
    "media",
    "database",
    "register",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Relative-time phrases the extractor does not emit as dates, with how far
/// back from the publication date they reach (days).
const RELATIVE_TIMES: &[(&str, i64)] = &[
    ("in recent years", 5 * 365),
    ("in recent months", 183),
    ("in recent weeks", 42),
    ("recently", 2 * 365),
    ("lately", 365),
];

/// Phrases that date from the end of the last date named before them
/// ("no weapons sales since then").
const SINCE_PHRASES: &[&str] = &[
    "since then",
    "since that year",
    "after that year",
    "since that time",
    "ever since",
];

/// Places right after a zero count that limit it to some of the people
/// there: "no one was injured inside" (the people outside were).
const ZERO_COUNT_SCOPES: &[&str] = &[
    "inside",
    "indoors",
    "in the home",
    "in the house",
    "in the car",
    "in the vehicle",
    "in the building",
    "in the apartment",
    "in the residence",
    "in the store",
    "at the home",
    "at the house",
    "at the school",
];

/// Phrases stating that none were killed/injured, giving a zero count.
const ZERO_COUNTS: &[(&str, &str)] = &[
    ("no one was injured", "injured"),
    ("no one was hurt", "injured"),
    ("no one was wounded", "injured"),
    ("nobody was injured", "injured"),
    ("nobody was hurt", "injured"),
    ("no injuries", "injured"),
    ("no one else was injured", "injured"),
    ("no one was killed", "killed"),
    ("nobody was killed", "killed"),
    ("no deaths", "killed"),
    ("no fatalities", "killed"),
];

/// Verbs whose present tense makes a statement hold at publication time.
const PRESENT_TENSE: &[&str] = &[
    "is", "are", "remains", "remain", "has", "have", "holds", "stands", "sells", "buys", "exports",
    "imports",
];

/// All framing word tables.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Lower-case surface form → canonical entity.
    pub aliases: WordMap,
    /// Words the documents read so far write in lower case ("dead",
    /// "meanwhile"): capitalised at a sentence's head they are no names.
    /// Learned (see `Framer::learn`); empty by default.
    pub common_words: WordSet,
    /// Canonical entities that are places (weighted first in alignment).
    pub places: WordSet,
    /// Lower-case word → verb class.
    pub verbs: WordMap,
    /// Lower-case word → object class.
    pub objects: WordMap,
    /// (verb class, object class, predicate) combination rules.
    pub combinations: Vec<(Option<String>, Option<String>, String)>,
    pub labels: WordMap,
    pub related_predicates: Vec<(String, String, f64)>,
    pub directed: WordSet,
    pub momentary: WordSet,
    /// Verb classes that yield to an outcome verb in the same clause.
    pub manner_verbs: WordSet,
    /// Predicate → event family, for dated statements.
    pub event_families: WordMap,
    /// Verbs of follow-ups and reporting, which a nearby date belongs to.
    pub follow_up_verbs: WordSet,
    /// See [`WEAPON_NOUNS`].
    pub weapon_nouns: WordSet,
    /// See [`INCIDENT_REFERENCES`].
    pub incident_references: WordSet,
    /// Lower-case phrases, see [`INCIDENT_PHRASES`].
    pub incident_phrases: Vec<String>,
    /// See [`RESPONSE_VERBS`] and [`RESPONDERS`].
    pub response_verbs: WordSet,
    /// See [`SUMMON_VERBS`].
    pub summon_verbs: WordSet,
    /// See [`FIRE_OBJECTS`], [`MISSILES`] and [`BODY_PARTS`].
    pub fire_objects: WordSet,
    pub missiles: WordSet,
    pub body_parts: WordSet,
    /// See [`SUMMON_FOLLOWERS`].
    pub summon_followers: WordSet,
    pub responders: WordSet,
    /// Event words that are nouns, see [`EVENT_NOUNS`].
    pub event_nouns: WordSet,
    pub attributive_modifiers: WordSet,
    /// See [`CHARGE_CUES`] and [`CHARGE_FOLLOWERS`].
    pub charge_cues: WordSet,
    pub charge_followers: WordSet,
    pub charge_linkers: WordSet,
    pub charge_adjectives: WordSet,
    pub object_openers: WordSet,
    pub date_lead_ins: WordSet,
    /// Words of a clock time: "p.m", "EST", "noon" (see [`CLOCK_NAMES`]).
    pub clock_words: WordSet,
    /// Lower-case phrases, see [`CUTOFF_CUES`].
    pub cutoff_cues: Vec<String>,
    /// Lower-case phrases, see [`STAMP_CUES`].
    pub stamp_cues: Vec<String>,
    /// See [`TOPIC_PREPOSITIONS`].
    pub topic_prepositions: WordSet,
    /// Lower-case phrases, see [`LOOSE_COUNT_WORDS`].
    pub loose_count_words: Vec<String>,
    /// Lower-case phrases, see [`PARTIAL_COUNT_CUES`].
    pub partial_count_cues: Vec<String>,
    pub subordinators: WordSet,
    pub time_clause_openers: WordSet,
    pub complement_openers: WordSet,
    pub phrase_breaks: WordSet,
    pub determiners: WordSet,
    /// See [`ARREST_CUES`], [`AGENT_VERBS`], [`AGENT_NOUNS`].
    pub arrest_cues: WordSet,
    pub agent_verbs: WordSet,
    pub agent_nouns: WordSet,
    pub auxiliaries: WordSet,
    /// (later, earlier) predicate pairs of one incident, see [`LATER_OUTCOMES`].
    pub later_outcomes: Vec<(String, String)>,
    /// See [`DEATH_WORDS`].
    pub death_words: WordSet,
    /// See [`ON_THE_SPOT_PHRASES`].
    pub on_the_spot_phrases: Vec<String>,
    /// See [`OTHER_INCIDENT_WORDS`].
    pub other_incident_words: WordSet,
    pub person_nouns: WordSet,
    pub remainder_nouns: WordSet,
    /// Person nouns that count everyone, see [`GENERAL_PERSON_NOUNS`].
    pub general_person_nouns: WordSet,
    pub not_names: WordSet,
    pub titles: WordSet,
    pub not_acronyms: WordSet,
    pub negations: WordSet,
    pub attribution_verbs: WordSet,
    pub not_attribution_followers: WordSet,
    pub attribution_prepositions: Vec<String>,
    pub generic_sources: WordSet,
    /// (phrase, days back from publication).
    pub relative_times: Vec<(String, i64)>,
    /// Phrases meaning "after the date just named".
    pub since_phrases: Vec<String>,
    /// (phrase, predicate) giving a zero count.
    pub zero_counts: Vec<(String, String)>,
    /// Lower-case phrases, see [`ZERO_COUNT_SCOPES`].
    pub zero_count_scopes: Vec<String>,
    pub present_tense: WordSet,
}

fn set(words: &[&str]) -> WordSet {
    words.iter().map(|w| w.to_string()).collect()
}

fn class_map(rows: &[(&str, &[&str])]) -> WordMap {
    let mut map = WordMap::default();
    for (class, words) in rows {
        for w in *words {
            map.insert(w.to_string(), class.to_string());
        }
    }
    map
}

impl Default for Lexicon {
    fn default() -> Self {
        let clock_words: WordSet = crate::extract::lexicon::TIME_OF_DAY
            .iter()
            .chain(CLOCK_NAMES)
            .map(|w| w.to_string())
            .collect();
        let mut aliases = class_map(PLACES);
        aliases.extend(class_map(ORGANISATIONS));
        Lexicon {
            aliases,
            common_words: WordSet::default(),
            places: PLACES.iter().map(|(p, _)| p.to_string()).collect(),
            verbs: class_map(VERB_CLASSES),
            objects: class_map(OBJECT_CLASSES),
            combinations: COMBINATIONS
                .iter()
                .map(|(v, o, p)| (v.map(String::from), o.map(String::from), p.to_string()))
                .collect(),
            labels: PREDICATE_LABELS
                .iter()
                .map(|(p, l)| (p.to_string(), l.to_string()))
                .collect(),
            related_predicates: RELATED_PREDICATES
                .iter()
                .map(|(a, b, s)| (a.to_string(), b.to_string(), *s))
                .collect(),
            directed: set(DIRECTED),
            momentary: set(MOMENTARY),
            manner_verbs: set(MANNER_VERBS),
            follow_up_verbs: set(FOLLOW_UP_VERBS),
            weapon_nouns: set(WEAPON_NOUNS),
            incident_references: set(INCIDENT_REFERENCES),
            incident_phrases: INCIDENT_PHRASES.iter().map(|s| s.to_string()).collect(),
            response_verbs: set(RESPONSE_VERBS),
            summon_verbs: set(SUMMON_VERBS),
            fire_objects: set(FIRE_OBJECTS),
            missiles: set(MISSILES),
            body_parts: set(BODY_PARTS),
            summon_followers: set(SUMMON_FOLLOWERS),
            responders: set(RESPONDERS),
            event_nouns: set(EVENT_NOUNS),
            attributive_modifiers: set(ATTRIBUTIVE_MODIFIERS),
            charge_cues: set(CHARGE_CUES),
            charge_followers: set(CHARGE_FOLLOWERS),
            charge_linkers: set(CHARGE_LINKERS),
            charge_adjectives: set(CHARGE_ADJECTIVES),
            object_openers: set(OBJECT_OPENERS),
            date_lead_ins: set(DATE_LEAD_INS).union(&clock_words).cloned().collect(),
            clock_words,
            cutoff_cues: CUTOFF_CUES.iter().map(|s| s.to_string()).collect(),
            stamp_cues: STAMP_CUES.iter().map(|s| s.to_string()).collect(),
            topic_prepositions: set(TOPIC_PREPOSITIONS),
            loose_count_words: LOOSE_COUNT_WORDS.iter().map(|s| s.to_string()).collect(),
            partial_count_cues: PARTIAL_COUNT_CUES.iter().map(|s| s.to_string()).collect(),
            subordinators: set(SUBORDINATORS),
            time_clause_openers: set(TIME_CLAUSE_OPENERS),
            complement_openers: set(COMPLEMENT_OPENERS),
            phrase_breaks: set(PHRASE_BREAKS),
            determiners: set(DETERMINERS),
            arrest_cues: set(ARREST_CUES),
            agent_verbs: set(AGENT_VERBS),
            agent_nouns: set(AGENT_NOUNS),
            auxiliaries: set(AUXILIARIES),
            event_families: EVENT_FAMILIES
                .iter()
                .map(|(p, f)| (p.to_string(), f.to_string()))
                .collect(),
            death_words: set(DEATH_WORDS),
            on_the_spot_phrases: ON_THE_SPOT_PHRASES.iter().map(|p| p.to_string()).collect(),
            other_incident_words: set(OTHER_INCIDENT_WORDS),
            later_outcomes: LATER_OUTCOMES
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            person_nouns: set(PERSON_NOUNS),
            remainder_nouns: set(REMAINDER_NOUNS),
            general_person_nouns: set(GENERAL_PERSON_NOUNS),
            not_names: not_names(),
            titles: set(TITLES),
            not_acronyms: set(NOT_ACRONYMS),
            negations: set(NEGATIONS),
            attribution_verbs: set(ATTRIBUTION_VERBS),
            not_attribution_followers: set(NOT_ATTRIBUTION_FOLLOWERS),
            attribution_prepositions: ATTRIBUTION_PREPOSITIONS
                .iter()
                .map(|s| s.to_string())
                .collect(),
            generic_sources: set(GENERIC_SOURCES),
            relative_times: RELATIVE_TIMES
                .iter()
                .map(|(p, d)| (p.to_string(), *d))
                .collect(),
            since_phrases: SINCE_PHRASES.iter().map(|s| s.to_string()).collect(),
            zero_count_scopes: ZERO_COUNT_SCOPES.iter().map(|s| s.to_string()).collect(),
            zero_counts: ZERO_COUNTS
                .iter()
                .map(|(p, c)| (p.to_string(), c.to_string()))
                .collect(),
            present_tense: set(PRESENT_TENSE),
        }
    }
}

impl Lexicon {
    /// Adds entity aliases (`surface form → canonical name`) and predicate
    /// synonyms (`word → class`; a class already used for objects stays an
    /// object class, any other is a verb class).
    pub fn extend<A, S>(&mut self, aliases: A, synonyms: S)
    where
        A: IntoIterator<Item = (String, String)>,
        S: IntoIterator<Item = (String, String)>,
    {
        for (alias, canonical) in aliases {
            self.aliases.insert(alias.to_lowercase(), canonical);
        }
        let object_classes: HashSet<String> = self.objects.values().cloned().collect();
        for (word, class) in synonyms {
            let word = word.to_lowercase();
            if object_classes.contains(&class) {
                self.objects.insert(word, class);
            } else {
                if !self
                    .combinations
                    .iter()
                    .any(|(v, _, _)| v.as_deref() == Some(&class))
                {
                    self.combinations
                        .push((Some(class.clone()), None, class.clone()));
                }
                self.verbs.insert(word, class);
            }
        }
    }

    /// Canonical entity for a surface form (case-insensitive), if known.
    pub fn alias(&self, surface: &str) -> Option<&str> {
        self.aliases
            .get(&surface.to_lowercase())
            .map(String::as_str)
    }

    /// The class of a counted noun: "people" for person nouns, the last word
    /// otherwise; None for remainders ("five others").
    pub fn noun_class(&self, noun: &str) -> Option<String> {
        let last = noun.split_whitespace().last()?.to_lowercase();
        if self.remainder_nouns.contains(&last) {
            return None;
        }
        Some(if self.person_nouns.contains(&last) {
            "people".to_string()
        } else {
            last
        })
    }

    /// The group a count of people names: None for everyone ("people",
    /// "victims") or a noun that counts no people, else the group's noun,
    /// lower case ("men", "officers").
    pub fn person_group(&self, noun: &str) -> Option<String> {
        let last = noun.split_whitespace().last()?.to_lowercase();
        if !self.person_nouns.contains(&last) || self.general_person_nouns.contains(&last) {
            return None;
        }
        let same = GROUP_SYNONYMS.iter().find(|(w, _)| *w == last);
        Some(same.map_or(last, |(_, group)| group.to_string()))
    }

    /// True when the canonical entity is a place from the built-in table.
    pub fn is_place(&self, entity: &str) -> bool {
        self.places.contains(entity)
    }

    /// Verb class of a lower-case word, trying light inflection stripping.
    pub fn verb_class(&self, word: &str) -> Option<&str> {
        lookup_inflected(&self.verbs, word)
    }

    /// Object class of a lower-case word, trying light inflection stripping.
    pub fn object_class(&self, word: &str) -> Option<&str> {
        lookup_inflected(&self.objects, word)
    }

    /// The predicate for a verb class and an object class.
    pub fn combine(&self, verb: Option<&str>, object: Option<&str>) -> Option<String> {
        if verb.is_none() {
            return object.map(|o| {
                if o == "goods" {
                    "trade".to_string()
                } else {
                    o.to_string()
                }
            });
        }
        self.combinations
            .iter()
            .find(|(v, o, _)| {
                v.as_deref().is_none_or(|v| Some(v) == verb)
                    && o.as_deref().is_none_or(|o| Some(o) == object)
            })
            .map(|(_, _, p)| p.clone())
    }

    /// The event family of a predicate ("killed" → "violence"); the
    /// predicate itself when it has none.
    pub fn event_family<'a>(&'a self, predicate: &'a str) -> &'a str {
        self.event_families
            .get(predicate)
            .map_or(predicate, String::as_str)
    }

    /// True when an event of predicate `later` may happen days after one
    /// of `earlier` in the same incident ("died Tuesday" after "shot
    /// Saturday").
    pub fn outcome_after(&self, later: &str, earlier: &str) -> bool {
        self.later_outcomes
            .iter()
            .any(|(a, b)| a == later && b == earlier)
    }

    /// True for predicates of one-off incidents (killed, injured, shooting).
    pub fn is_momentary(&self, predicate: &str) -> bool {
        self.momentary.contains(predicate)
    }

    /// Human label of a predicate ("arms" → "arms transfers").
    pub fn label<'a>(&'a self, predicate: &'a str) -> &'a str {
        self.labels.get(predicate).map_or(predicate, String::as_str)
    }

    /// Similarity of two different predicates from the related table (0 when unrelated).
    pub fn predicate_relation(&self, a: &str, b: &str) -> f64 {
        self.related_predicates
            .iter()
            .find(|(x, y, _)| (x == a && y == b) || (x == b && y == a))
            .map_or(0.0, |(_, _, s)| *s)
    }
}

/// Suffixes stripped, in order, to find an inflected word's table form.
const SUFFIXES: &[&str] = &["ing", "ed", "es", "s", "d"];

fn lookup_inflected<'a>(map: &'a WordMap, word: &str) -> Option<&'a str> {
    if let Some(c) = map.get(word) {
        return Some(c);
    }
    for suffix in SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.len() >= 3
        {
            if let Some(c) = map.get(stem) {
                return Some(c);
            }
            if let Some(c) = map.get(&format!("{stem}e")) {
                return Some(c);
            }
        }
    }
    None
}

/// [`NOT_NAMES`] plus the month names and abbreviations, the full weekday
/// names and the holidays of the calendar table ("Sun" and "Sat" stay
/// possible names): two stories that both mention Thanksgiving share a
/// date, not a place or a person.
fn not_names() -> WordSet {
    use crate::extract::calendar::{HOLIDAYS, MONTHS, WEEKDAYS};
    let mut names = set(NOT_NAMES);
    names.extend(MONTHS.iter().map(|(w, ..)| w.to_string()));
    names.extend(HOLIDAYS.iter().map(|(w, _)| w.to_string()));
    names.extend(
        WEEKDAYS
            .iter()
            .filter(|(w, _)| w.ends_with("day"))
            .map(|(w, _)| w.to_string()),
    );
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_fold_to_countries() {
        let lex = Lexicon::default();
        for (surface, canonical) in [
            ("Israeli", "Israel"),
            ("Rwandan", "Rwanda"),
            ("Rwandans", "Rwanda"),
            ("Azerbaijani", "Azerbaijan"),
            ("Georgian", "Georgia"),
            ("Russian", "Russia"),
            ("Iranians", "Iran"),
            ("U.S", "United States"),
            ("Stockholm International Peace Research Institute", "SIPRI"),
        ] {
            assert_eq!(lex.alias(surface), Some(canonical), "{surface}");
        }
        assert_eq!(lex.alias("Liberman"), None);
    }

    #[test]
    fn predicate_classes_cover_inflections() {
        let lex = Lexicon::default();
        for (word, class) in [
            ("sold", "transfer"),
            ("supplied", "transfer"),
            ("exporting", "transfer"),
            ("delivers", "transfer"),
            ("imported", "import"),
            ("died", "killed"),
            ("wounded", "injured"),
            ("injures", "injured"),
            ("voted", "vote"),
        ] {
            assert_eq!(lex.verb_class(word), Some(class), "{word}");
        }
        for (word, class) in [
            ("howitzers", "arms"),
            ("weapons", "arms"),
            ("goods", "goods"),
        ] {
            assert_eq!(lex.object_class(word), Some(class), "{word}");
        }
        assert_eq!(lex.verb_class("visited"), None);
    }

    #[test]
    fn classes_combine_into_predicates() {
        let lex = Lexicon::default();
        for (verb, object, predicate) in [
            (Some("transfer"), Some("arms"), Some("arms")),
            (Some("transfer"), Some("goods"), Some("trade")),
            (Some("transfer"), None, Some("transfer")),
            (Some("purchase"), Some("arms"), Some("arms purchase")),
            (Some("killed"), Some("arms"), Some("killed")),
            (None, Some("arms"), Some("arms")),
            (None, None, None),
        ] {
            assert_eq!(
                lex.combine(verb, object).as_deref(),
                predicate,
                "{verb:?} {object:?}"
            );
        }
    }

    #[test]
    fn extend_adds_aliases_and_synonyms() {
        let mut lex = Lexicon::default();
        lex.extend(
            [("Kyiv".to_string(), "Ukraine".to_string())],
            [
                ("handed".to_string(), "transfer".to_string()),
                ("drones".to_string(), "arms".to_string()),
                ("fined".to_string(), "penalty".to_string()),
            ],
        );
        assert_eq!(lex.alias("kyiv"), Some("Ukraine"));
        assert_eq!(lex.verb_class("handed"), Some("transfer"));
        assert_eq!(lex.object_class("drones"), Some("arms"));
        assert_eq!(
            lex.combine(Some("penalty"), None).as_deref(),
            Some("penalty")
        );
    }
}
