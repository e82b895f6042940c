//! Word tables of the quantity extractor: number words, scale words,
//! currencies, measure and time units, qualifiers, vague counts and the words
//! that stop or exclude a reading. Data only; the scanning logic lives in
//! [`super::quantity`], [`super::quantity_units`] and [`super::number`].
//!
//! Spelled words are matched case-insensitively; entries marked
//! case-sensitive (unit symbols, codes that are also English words) are
//! matched exactly as written.

use crate::claim::Qualifier;

/// Number words and their values (lower case).
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("dozen", 12.0),
];

/// Where a scale word may follow a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleUse {
    /// Spelled scale words, anywhere: "1.5 million people", "$5billion".
    Word,
    /// Abbreviations, only after a currency: "€2.5bn", "$1.2 mn".
    Abbrev,
    /// Single letters, only attached and only after a currency: "£40m", "$10k".
    Letter,
}

/// Scale words: (word, power of ten, use). Case-insensitive except letters.
pub const SCALES: &[(&str, i32, ScaleUse)] = &[
    ("thousand", 3, ScaleUse::Word),
    ("million", 6, ScaleUse::Word),
    ("billion", 9, ScaleUse::Word),
    ("trillion", 12, ScaleUse::Word),
    ("crore", 7, ScaleUse::Word),
    ("crores", 7, ScaleUse::Word),
    ("lakh", 5, ScaleUse::Word),
    ("lakhs", 5, ScaleUse::Word),
    ("lac", 5, ScaleUse::Abbrev),
    ("mn", 6, ScaleUse::Abbrev),
    ("mln", 6, ScaleUse::Abbrev),
    ("bn", 9, ScaleUse::Abbrev),
    ("bln", 9, ScaleUse::Abbrev),
    ("tn", 12, ScaleUse::Abbrev),
    ("trn", 12, ScaleUse::Abbrev),
    ("k", 3, ScaleUse::Letter),
    ("K", 3, ScaleUse::Letter),
    ("m", 6, ScaleUse::Letter),
    ("M", 6, ScaleUse::Letter),
    ("b", 9, ScaleUse::Letter),
    ("B", 9, ScaleUse::Letter),
];

/// Currency symbols written before (or after) the amount → ISO 4217.
pub const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₪", "ILS"),
    ("₽", "RUB"),
    ("₩", "KRW"),
    ("₿", "BTC"),
    ("₺", "TRY"),
    ("₦", "NGN"),
    ("₡", "CRC"),
    ("₭", "LAK"),
    ("₴", "UAH"),
    ("₱", "PHP"),
    ("₫", "VND"),
    ("฿", "THB"),
];

/// Letters written before "$" that name the dollar: "US$", "C$", "A$", "NZ$".
/// (prefix in lower case without dots, ISO code, may be separated by a space).
/// Single letters must touch the "$" ("A$5"), except "c $" which wire copy
/// writes spaced; "a $5 fee" is the article, not Australian dollars.
pub const DOLLAR_PREFIXES: &[(&str, &str, bool)] = &[
    ("us", "USD", false),
    ("usd", "USD", true),
    ("c", "CAD", true),
    ("ca", "CAD", false),
    ("can", "CAD", false),
    ("cdn", "CAD", true),
    ("a", "AUD", false),
    ("au", "AUD", false),
    ("aud", "AUD", true),
    ("nz", "NZD", true),
    ("nzd", "NZD", true),
    ("hk", "HKD", true),
    ("s", "SGD", false),
    ("sg", "SGD", false),
    ("mex", "MXN", true),
    ("mxn", "MXN", true),
    ("r", "BRL", false),
    ("nt", "TWD", false),
];

/// Currency codes and abbreviations written before or after the amount:
/// "USD 385 million", "NIS 50 million", "Rs 500 crore", "115.5USD".
/// (code, ISO code, case-sensitive). Codes that are English words ("TRY",
/// "ALL", "CUP") are matched only in capitals, or left out.
pub const CURRENCY_CODES: &[(&str, &str, bool)] = &[
    ("usd", "USD", false),
    ("eur", "EUR", false),
    ("gbp", "GBP", false),
    ("jpy", "JPY", false),
    ("cny", "CNY", false),
    ("rmb", "CNY", false),
    ("inr", "INR", false),
    ("rs", "INR", false),
    ("ils", "ILS", false),
    ("nis", "ILS", false),
    ("chf", "CHF", false),
    ("cad", "CAD", false),
    ("aud", "AUD", false),
    ("nzd", "NZD", false),
    ("hkd", "HKD", false),
    ("sgd", "SGD", false),
    ("rub", "RUB", false),
    ("brl", "BRL", false),
    ("mxn", "MXN", false),
    ("zar", "ZAR", false),
    ("krw", "KRW", false),
    ("TRY", "TRY", true),
    ("sek", "SEK", false),
    ("nok", "NOK", false),
    ("dkk", "DKK", false),
    ("pln", "PLN", false),
    ("aed", "AED", false),
    ("sar", "SAR", false),
    ("egp", "EGP", false),
    ("ngn", "NGN", false),
    ("kes", "KES", false),
    ("pkr", "PKR", false),
    ("idr", "IDR", false),
    ("thb", "THB", false),
    ("uah", "UAH", false),
    ("czk", "CZK", false),
    ("huf", "HUF", false),
    ("azn", "AZN", false),
    ("gel", "GEL", false),
    ("rwf", "RWF", false),
    ("btc", "BTC", false),
];

/// A currency named in words after the amount.
#[derive(Debug, Clone, Copy)]
pub struct CurrencyName {
    /// Lower-case words, single-spaced.
    pub name: &'static str,
    pub code: &'static str,
    /// Multiplier into the main unit (cents → 0.01).
    pub factor: f64,
    /// The name is also an ordinary word ("won", "pounds" of weight, "rand"):
    /// accepted only after a scale word ("20 million pounds").
    pub needs_scale: bool,
}

const fn cur(name: &'static str, code: &'static str) -> CurrencyName {
    CurrencyName {
        name,
        code,
        factor: 1.0,
        needs_scale: false,
    }
}

const fn cur_scaled(name: &'static str, code: &'static str) -> CurrencyName {
    CurrencyName {
        name,
        code,
        factor: 1.0,
        needs_scale: true,
    }
}

const fn cur_minor(name: &'static str, code: &'static str) -> CurrencyName {
    CurrencyName {
        name,
        code,
        factor: 0.01,
        needs_scale: false,
    }
}

/// Currency names; longer names first so "canadian dollars" wins over "dollars".
pub const CURRENCY_NAMES: &[CurrencyName] = &[
    cur("new israeli shekels", "ILS"),
    cur("new zealand dollars", "NZD"),
    cur("new zealand dollar", "NZD"),
    cur("hong kong dollars", "HKD"),
    cur("hong kong dollar", "HKD"),
    cur("israeli shekels", "ILS"),
    cur("new shekels", "ILS"),
    cur("us dollars", "USD"),
    cur("us dollar", "USD"),
    cur("u.s. dollars", "USD"),
    cur("u.s. dollar", "USD"),
    cur("american dollars", "USD"),
    cur("canadian dollars", "CAD"),
    cur("canadian dollar", "CAD"),
    cur("australian dollars", "AUD"),
    cur("australian dollar", "AUD"),
    cur("singapore dollars", "SGD"),
    cur("taiwan dollars", "TWD"),
    cur("pounds sterling", "GBP"),
    cur("british pounds", "GBP"),
    cur("egyptian pounds", "EGP"),
    cur("japanese yen", "JPY"),
    cur("chinese yuan", "CNY"),
    cur("indian rupees", "INR"),
    cur("pakistani rupees", "PKR"),
    cur("swiss francs", "CHF"),
    cur("french francs", "FRF"),
    cur("turkish lira", "TRY"),
    cur("turkish liras", "TRY"),
    cur("italian lire", "ITL"),
    cur("finnish markka", "FIM"),
    cur("deutsche marks", "DEM"),
    cur("dutch guilders", "NLG"),
    cur("danish kroner", "DKK"),
    cur("norwegian kroner", "NOK"),
    cur("swedish kronor", "SEK"),
    cur("south african rand", "ZAR"),
    cur("saudi riyals", "SAR"),
    cur("euro cents", "EUR"),
    cur("dollars", "USD"),
    cur("dollar", "USD"),
    cur("euros", "EUR"),
    cur("euro", "EUR"),
    cur("shekels", "ILS"),
    cur("shekel", "ILS"),
    cur("sterling", "GBP"),
    cur("yen", "JPY"),
    cur("yuan", "CNY"),
    cur("renminbi", "CNY"),
    cur("rupees", "INR"),
    cur("rupee", "INR"),
    cur("roubles", "RUB"),
    cur("rubles", "RUB"),
    cur("francs", "FRF"),
    cur("lira", "TRY"),
    cur("pesos", "MXN"),
    cur("pesetas", "ESP"),
    cur("guilders", "NLG"),
    cur("markka", "FIM"),
    cur("riyals", "SAR"),
    cur("dirhams", "AED"),
    cur("naira", "NGN"),
    cur("shillings", "KES"),
    cur("hryvnias", "UAH"),
    cur("hryvnia", "UAH"),
    cur("zlotys", "PLN"),
    cur("zloty", "PLN"),
    cur("manats", "AZN"),
    cur("manat", "AZN"),
    cur("lari", "GEL"),
    cur("bitcoins", "BTC"),
    cur("bitcoin", "BTC"),
    cur_scaled("pounds", "GBP"),
    cur_scaled("won", "KRW"),
    cur_scaled("rand", "ZAR"),
    cur_scaled("marks", "DEM"),
    cur_scaled("reais", "BRL"),
    cur_minor("cents", "USD"),
    cur_minor("pence", "GBP"),
];

/// A unit of measurement.
#[derive(Debug, Clone, Copy)]
pub struct MeasureUnit {
    /// The symbol reported in `unit` ("km", "lb", "km2").
    pub symbol: &'static str,
    /// Spelled names, lower case ("kilometres", "square miles").
    pub names: &'static [&'static str],
    /// Symbols matched case-sensitively ("km", "mm", "lbs", "km²").
    pub symbols: &'static [&'static str],
    /// Multiplier into `si`.
    pub factor: f64,
    /// Added after multiplying (temperatures → kelvin).
    pub offset: f64,
    /// SI unit of the normalised value.
    pub si: &'static str,
}

const fn unit(
    symbol: &'static str,
    names: &'static [&'static str],
    symbols: &'static [&'static str],
    factor: f64,
    si: &'static str,
) -> MeasureUnit {
    MeasureUnit {
        symbol,
        names,
        symbols,
        factor,
        offset: 0.0,
        si,
    }
}

/// Length, mass, area, volume, speed and temperature units.
pub const MEASURE_UNITS: &[MeasureUnit] = &[
    // length
    unit(
        "mm",
        &["millimetres", "millimeters", "millimetre", "millimeter"],
        &["mm"],
        1e-3,
        "m",
    ),
    unit(
        "cm",
        &["centimetres", "centimeters", "centimetre", "centimeter"],
        &["cm"],
        1e-2,
        "m",
    ),
    unit(
        "dm",
        &["decimetres", "decimeters", "decimetre", "decimeter"],
        &["dm"],
        0.1,
        "m",
    ),
    unit(
        "km",
        &["kilometres", "kilometers", "kilometre", "kilometer", "kms"],
        &["km", "Km", "KM"],
        1e3,
        "m",
    ),
    unit(
        "nmi",
        &["nautical miles", "nautical mile"],
        &["nmi"],
        1852.0,
        "m",
    ),
    unit(
        "m",
        &["metres", "meters", "metre", "meter"],
        &["m"],
        1.0,
        "m",
    ),
    unit("mi", &["miles", "mile"], &["mi"], 1609.344, "m"),
    unit("ft", &["feet", "foot"], &["ft"], 0.3048, "m"),
    unit("in", &["inches", "inch"], &[], 0.0254, "m"),
    unit("yd", &["yards", "yard"], &["yd", "yds"], 0.9144, "m"),
    unit(
        "µm",
        &["micrometres", "micrometers", "microns", "micron"],
        &["µm", "μm"],
        1e-6,
        "m",
    ),
    unit("nm", &["nanometres", "nanometers"], &[], 1e-9, "m"),
    // mass
    unit(
        "mg",
        &["milligrams", "milligrammes", "milligram", "milligramme"],
        &["mg"],
        1e-6,
        "kg",
    ),
    unit(
        "µg",
        &["micrograms", "microgrammes", "microgram", "microgramme"],
        &["µg", "μg", "mcg"],
        1e-9,
        "kg",
    ),
    unit(
        "kg",
        &[
            "kilograms",
            "kilogrammes",
            "kilogram",
            "kilogramme",
            "kilos",
            "kilo",
        ],
        &["kg", "kgs", "Kg"],
        1.0,
        "kg",
    ),
    unit(
        "g",
        &["grams", "grammes", "gram", "gramme"],
        &["g", "gr"],
        1e-3,
        "kg",
    ),
    unit(
        "t",
        &[
            "metric tons",
            "metric tonnes",
            "metric ton",
            "metric tonne",
            "tonnes",
            "tonne",
            "tons",
            "ton",
        ],
        &["t"],
        1e3,
        "kg",
    ),
    unit(
        "lb",
        &["pounds", "pound"],
        &["lb", "lbs", "Lbs", "LBS"],
        0.453_592_37,
        "kg",
    ),
    unit("oz", &["ounces", "ounce"], &["oz"], 0.028_349_523_125, "kg"),
    // area
    unit(
        "km2",
        &[
            "square kilometres",
            "square kilometers",
            "square kilometre",
            "square kilometer",
            "sq km",
        ],
        &["km2", "km²", "sq km", "sq. km"],
        1e6,
        "m2",
    ),
    unit(
        "m2",
        &[
            "square metres",
            "square meters",
            "square metre",
            "square meter",
        ],
        &["m2", "m²", "sq m"],
        1.0,
        "m2",
    ),
    unit(
        "mi2",
        &["square miles", "square mile", "sq mi"],
        &["sq mi", "mi²"],
        2_589_988.110_336,
        "m2",
    ),
    unit(
        "ft2",
        &["square feet", "square foot", "sq ft"],
        &["sq ft", "ft²"],
        0.092_903_04,
        "m2",
    ),
    unit("ha", &["hectares", "hectare"], &["ha"], 1e4, "m2"),
    unit("acre", &["acres", "acre"], &[], 4_046.856_422_4, "m2"),
    // volume
    unit(
        "m3",
        &[
            "cubic metres",
            "cubic meters",
            "cubic metre",
            "cubic meter",
        ],
        &["m3", "m³"],
        1.0,
        "m3",
    ),
    unit(
        "ft3",
        &["cubic feet", "cubic foot"],
        &["cu ft", "ft³"],
        0.028_316_846_592,
        "m3",
    ),
    unit(
        "ml",
        &["millilitres", "milliliters", "millilitre", "milliliter"],
        &["ml", "mL"],
        1e-6,
        "m3",
    ),
    unit(
        "l",
        &["litres", "liters", "litre", "liter"],
        &["l", "L"],
        1e-3,
        "m3",
    ),
    unit(
        "gal",
        &["gallons", "gallon"],
        &["gal"],
        0.003_785_411_784,
        "m3",
    ),
    unit(
        "bbl",
        &["barrels", "barrel"],
        &["bbl"],
        0.158_987_294_928,
        "m3",
    ),
    unit(
        "tbsp",
        &["tablespoons", "tablespoon"],
        &["tbsp"],
        1.478_676_5e-5,
        "m3",
    ),
    unit(
        "tsp",
        &["teaspoons", "teaspoon"],
        &["tsp"],
        4.928_921_6e-6,
        "m3",
    ),
    unit("cup", &["cups", "cup"], &[], 2.365_882_4e-4, "m3"),
    // speed
    unit(
        "km/h",
        &[
            "kilometres per hour",
            "kilometers per hour",
            "kilometres an hour",
            "kilometers an hour",
        ],
        &["km/h", "kmh", "kph", "km/hr"],
        1.0 / 3.6,
        "m/s",
    ),
    unit(
        "mph",
        &["miles per hour", "miles an hour"],
        &["mph"],
        0.447_04,
        "m/s",
    ),
    unit(
        "m/s",
        &["metres per second", "meters per second"],
        &["m/s"],
        1.0,
        "m/s",
    ),
    unit("kn", &["knots"], &["kn", "kt", "kts"], 0.514_444, "m/s"),
    // temperature
    MeasureUnit {
        symbol: "°C",
        names: &[
            "degrees celsius",
            "degrees centigrade",
            "degrees c",
            "degree celsius",
            "celsius",
            "centigrade",
            "deg celsius",
        ],
        symbols: &["°C", "ºC", "° C"],
        factor: 1.0,
        offset: 273.15,
        si: "K",
    },
    MeasureUnit {
        symbol: "°F",
        names: &[
            "degrees fahrenheit",
            "degrees farenheit",
            "degrees f",
            "degree fahrenheit",
            "fahrenheit",
            "farenheit",
        ],
        symbols: &["°F", "ºF", "° F"],
        factor: 5.0 / 9.0,
        offset: 255.372_222_222_222_2,
        si: "K",
    },
];

/// Time units of durations: (word, unit reported, multiplier).
pub const DURATION_UNITS: &[(&str, &str, f64)] = &[
    ("seconds", "second", 1.0),
    ("second", "second", 1.0),
    ("secs", "second", 1.0),
    ("minutes", "minute", 1.0),
    ("minute", "minute", 1.0),
    ("mins", "minute", 1.0),
    ("hours", "hour", 1.0),
    ("hour", "hour", 1.0),
    ("hrs", "hour", 1.0),
    ("days", "day", 1.0),
    ("day", "day", 1.0),
    ("weeks", "week", 1.0),
    ("week", "week", 1.0),
    ("fortnights", "week", 2.0),
    ("fortnight", "week", 2.0),
    ("months", "month", 1.0),
    ("month", "month", 1.0),
    ("years", "year", 1.0),
    ("year", "year", 1.0),
    ("yrs", "year", 1.0),
    ("decades", "decade", 1.0),
    ("decade", "decade", 1.0),
    ("centuries", "decade", 10.0),
    ("century", "decade", 10.0),
];

/// Percent words after a number: (words, unit).
pub const PERCENT_WORDS: &[(&str, &str)] = &[
    ("percentage points", "pp"),
    ("percentage point", "pp"),
    ("percent points", "pp"),
    ("per cent", "%"),
    ("percents", "%"),
    ("percent", "%"),
    ("percentage", "%"),
    ("pct", "%"),
];

/// Qualifier phrases written before a value, longest first where one ends
/// another ("no more than" before "more than").
pub const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("almost exactly", Qualifier::Approx),
    ("nearly exactly", Qualifier::Approx),
    ("an estimated", Qualifier::Approx),
    ("approximately", Qualifier::Approx),
    ("an average of", Qualifier::Approx),
    ("roughly", Qualifier::Approx),
    ("around", Qualifier::Approx),
    ("about", Qualifier::Approx),
    ("nearly", Qualifier::Approx),
    ("almost", Qualifier::Approx),
    ("close to", Qualifier::Approx),
    ("estimated", Qualifier::Approx),
    ("approx.", Qualifier::Approx),
    ("approx", Qualifier::Approx),
    ("circa", Qualifier::Approx),
    ("some", Qualifier::Approx),
    ("~", Qualifier::Approx),
    ("no more than", Qualifier::AtMost),
    ("not more than", Qualifier::AtMost),
    ("a maximum of", Qualifier::AtMost),
    ("as many as", Qualifier::AtMost),
    ("as much as", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("greater than", Qualifier::MoreThan),
    ("higher than", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("just over", Qualifier::MoreThan),
    ("well over", Qualifier::MoreThan),
    ("exceeding", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("fewer than", Qualifier::LessThan),
    ("less than", Qualifier::LessThan),
    ("lower than", Qualifier::LessThan),
    ("just under", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("exactly", Qualifier::Exact),
];

/// A vague count phrase ("tens of thousands of") and the range it stands
/// for, inclusive. The ranges read the plural literally: "hundreds" is at
/// least two hundred and less than a thousand.
#[derive(Debug, Clone, Copy)]
pub struct VagueCount {
    /// Lower-case words, single-spaced.
    pub phrase: &'static str,
    pub low: f64,
    pub high: f64,
    /// Needs "of" before the noun ("dozens of people"); "a few weeks" does not.
    pub needs_of: bool,
}

const fn vague(phrase: &'static str, low: f64, high: f64, needs_of: bool) -> VagueCount {
    VagueCount {
        phrase,
        low,
        high,
        needs_of,
    }
}

/// Vague counts, longest phrase first.
pub const VAGUE_COUNTS: &[VagueCount] = &[
    vague("hundreds of thousands", 2e5, 999_999.0, true),
    vague("tens of thousands", 2e4, 99_999.0, true),
    vague("hundreds of millions", 2e8, 999_999_999.0, true),
    vague("tens of millions", 2e7, 99_999_999.0, true),
    vague("hundreds of billions", 2e11, 999_999_999_999.0, true),
    vague("tens of billions", 2e10, 99_999_999_999.0, true),
    vague("a handful", 3.0, 5.0, true),
    vague("a couple", 2.0, 3.0, true),
    vague("a few", 2.0, 5.0, false),
    vague("several", 3.0, 9.0, false),
    vague("dozens", 24.0, 99.0, true),
    vague("scores", 40.0, 99.0, true),
    vague("hundreds", 200.0, 999.0, true),
    vague("thousands", 2e3, 9_999.0, true),
    vague("millions", 2e6, 999_999_999.0, true),
    vague("billions", 2e9, 999_999_999_999.0, true),
];

/// Words that cannot be part of a counted noun phrase: after a number, the
/// first of these ends the search ("two of them", "34 were", "the two and").
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "across", "after", "again", "against", "ago", "all", "also", "am", "among",
    "an", "and", "another", "any", "are", "around", "as", "at", "be", "been", "before", "being",
    "below", "between", "both", "but", "by", "can", "cent", "could", "did", "do", "does", "down",
    "during", "each", "earlier", "either", "else", "even", "ever", "every", "few", "for", "from",
    "had", "has", "have", "he", "her", "here", "him", "his", "how", "however", "i", "if", "in",
    "into", "is", "it", "its", "just", "later", "least", "less", "like", "many", "may", "me",
    "might", "more", "most", "much", "must", "my", "near", "neither", "no", "nor", "not", "now",
    "of", "off", "on", "once", "only", "onto", "or", "other", "our", "out", "over", "own", "per",
    "percent", "percentage", "pm", "rather", "said", "same", "say", "says", "shall", "she",
    "should", "since", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "though", "through", "thus", "times", "to", "too",
    "toward", "towards", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were",
    "what", "when", "where", "whereas", "whether", "which", "while", "who", "whom", "whose",
    "why", "will", "with", "within", "without", "would", "yet", "you", "your", "versus", "vs",
    "plus", "minus", "apiece", "respectively", "percents", "points", "degrees", "degree",
    "first", "second", "third", "ninth", "tenth",
];

/// Words ending in "s" that are not plural nouns.
pub const NOT_PLURAL: &[&str] = &[
    "always", "perhaps", "besides", "sometimes", "afterwards", "whereas", "towards", "news",
    "series", "means", "species", "thanks", "politics", "physics", "economics", "mathematics",
    "yes", "less", "unless", "across", "various", "previous", "famous", "serious", "numerous",
    "plus", "bus", "gas", "lens", "chaos", "bonus", "status", "virus", "census", "campus",
    "process", "analysis", "basis", "crisis", "thesis", "canvas", "alias", "atlas", "its", "this",
    "his", "hers", "ours", "yours", "theirs", "was", "has", "does", "is", "as", "us", "thus",
    "regardless", "nevertheless", "nonetheless", "overseas", "outdoors", "indoors",
    "upstairs", "downstairs", "sales",
];

/// Plural nouns without a final "s".
pub const IRREGULAR_PLURALS: &[&str] = &[
    "people", "men", "women", "children", "police", "personnel", "staff", "cattle", "sheep",
    "fish", "aircraft", "teeth", "mice", "geese", "data", "media", "criteria", "militia",
    "livestock", "youth", "crew", "poultry", "deer", "offspring", "spacecraft", "clergy",
    "infantry", "cavalry", "military",
];

/// Words after a hyphen that turn "two-" into a fraction or an adjective,
/// not a counted noun: "two-thirds", "three-fold", "5,000-strong".
pub const NOT_COMPOUND_NOUNS: &[&str] = &[
    "third", "thirds", "fourth", "fourths", "fifth", "fifths", "quarter", "quarters", "half",
    "halves", "fold", "odd", "plus", "something", "strong", "old", "time", "times", "way",
    "ways", "year-old", "and", "or", "to", "of", "in", "a", "the",
];

/// Nouns of page furniture: "0 comments", "12 shares" at the start of a line
/// are counters of the web page, not facts of the story.
pub const FURNITURE_NOUNS: &[&str] = &[
    "comments", "comment", "shares", "share", "likes", "views", "replies", "retweets",
    "reactions", "responses", "followers", "photos", "images",
];

/// Capitalised words that may stand right before a number without making it
/// a designation ("In 2013", "The two", "About 500"). Any other capitalised
/// word directly before a number names a thing ("ATMOS 2000", "Boeing 747",
/// "Windows 10") and the number is not a count or a duration.
pub const CAPITALISED_OK: &[&str] = &[
    "the", "a", "an", "and", "but", "or", "in", "on", "at", "for", "with", "of", "by", "from",
    "to", "about", "over", "some", "nearly", "almost", "around", "than", "only", "just", "all",
    "those", "these", "its", "their", "his", "her", "our", "your", "my", "another", "roughly",
    "approximately", "least", "more", "fewer", "less", "under", "below", "above", "after",
    "before", "since", "during", "until", "within", "when", "while", "as", "last", "past", "next",
    "first", "every", "each", "both", "between", "if", "among", "exactly", "estimated", "up",
    "most", "no", "nor", "yet", "so", "then", "also", "still", "including", "where", "there",
    "here", "we", "they", "he", "she", "it", "i", "you", "what", "whereas", "meanwhile",
    "however", "today", "yesterday", "tonight", "now",
];

/// Month names and abbreviations: a number beside one is a day or a year,
/// which the date extractor owns.
pub const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

/// Words after a number that make it a time of day or a clock reading.
pub const TIME_OF_DAY: &[&str] = &[
    "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "o'clock", "gmt", "utc", "et", "est", "edt", "pst",
    "pdt", "cet", "bst", "local",
];

/// Words before a number that make it a label: "No. 5", "Number 10",
/// "page 12", "article 5", "route 66".
pub const LABEL_WORDS: &[&str] = &[
    "no", "nos", "number", "page", "pages", "p", "pp", "article", "chapter", "section",
    "paragraph", "route", "highway", "flight", "room", "apartment", "apt", "suite", "unit",
    "box", "block", "lot", "platform", "gate", "version", "v", "level", "size", "grade", "class",
    "volume", "vol", "issue", "episode", "season", "round", "stage", "game", "match", "category",
    "phase", "resolution", "model", "type", "table", "figure", "fig", "line", "row", "column",
    "step", "exhibit", "district", "ward", "zone", "lane", "exit", "bus", "channel", "tier",
    "rule", "clause", "amendment", "item", "question", "verse",
];
