//! The document model: the article text and everything found in it.
//!
//! Every span is a byte range into [`Document::text`], on char boundaries.
//! The parser fills sections, sentences and quotes (`Document::parse`,
//! `Document::outline` live in [`crate::parse`]); the analysis fills
//! entities and quote speakers (`Document::analyze`, `Document::complete`
//! live in [`crate::analysis`]). The reader only reads this model.
//!
//! The bottom layer: imports nothing else from the crate.

pub mod sanitize;

use std::ops::Range;

use serde::Serialize;

/// A byte range into the document text.
pub type Span = Range<usize>;

/// Index of an entity in [`Document::entities`].
pub type EntityId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    Title,
    Dek,
    Heading,
    Paragraph,
    /// "By Jane Roe and Sam Poe, Associated Press".
    Byline,
    /// A photo caption or credit: "Photo: Jane Roe / The Daily Star",
    /// "Crowds wait. (AP Photo/Jane Roe)", "Jane Roe/Reuters".
    Caption,
    /// A link or call to action of the page: "READ MORE: …", "WATCH: …",
    /// "Sign up for our newsletter".
    Promo,
}

impl SectionKind {
    /// Page furniture: lines around the story rather than of it. Their
    /// names are not the story's people, nor their lines its sections.
    pub fn is_furniture(self) -> bool {
        matches!(
            self,
            SectionKind::Byline | SectionKind::Caption | SectionKind::Promo
        )
    }
}

/// A block of the article: title, standfirst, heading, body paragraph or
/// page furniture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: SectionKind,
    pub span: Span,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Number,
    Place,
    Organization,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Number,
        EntityKind::Place,
        EntityKind::Organization,
    ];

    /// Plural label used for sidebar groups.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Number => "Numbers",
            EntityKind::Place => "Places",
            EntityKind::Organization => "Organizations",
        }
    }
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    /// A nominal reference ("the Russian president") rather than a name.
    pub description: bool,
}

/// A person, place, number or organization with all its mentions, sorted by
/// position.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub id: EntityId,
    pub kind: EntityKind,
    /// Canonical form: the fullest name used, without titles or possessives.
    pub name: String,
    pub mentions: Vec<Mention>,
    /// A role the article gives a person ("Treasury Secretary").
    pub role: Option<String>,
    /// Representative coordinates of a place, as (latitude, longitude).
    pub coords: Option<(f64, f64)>,
    /// What the analysis read in a number.
    pub number: Option<NumberFacts>,
}

impl Entity {
    /// A number the reader's lists leave out (see [`NumberMatch::minor`]).
    ///
    /// [`NumberMatch::minor`]: crate::analysis::numbers::NumberMatch::minor
    pub fn minor(&self) -> bool {
        self.number.is_some_and(|n| n.minor)
    }
}

/// The sort, value and weight of a number entity, from its first mention.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberFacts {
    pub kind: NumberKind,
    /// "$700-million" -> 700000000, "15 percent" -> 15; `None` for ranges,
    /// dates and times.
    pub value: Option<f64>,
    /// Every mention says little on its own: a small count, a bare age.
    pub minor: bool,
}

/// A direct quote. `span` covers the quoted words without the marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    pub speaker: Option<EntityId>,
    /// Continues the quote before it: its opening mark repeats at a new
    /// paragraph while the previous paragraph left the quote open.
    pub continues: bool,
    /// Why the quote has its speaker, or none.
    pub attribution: Attribution,
}

/// Why a quote was given its speaker (or no one), and how sure that is:
/// the reader shows it, so a guess can be told from a certainty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    pub rule: Rule,
    /// How likely the verdict is right, in percent.
    pub confidence: u8,
    /// The words that attribute the quote ("Okafor said", "he added").
    pub cue: Option<Span>,
}

impl Attribution {
    /// A speaker below this confidence is not worth showing as certain.
    pub const SURE: u8 = 75;

    pub fn is_sure(&self) -> bool {
        self.confidence >= Self::SURE
    }
}

/// The evidence that decided a quote's speaker.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// A name next to a speech verb after the quote: "…," Okafor said.
    Named,
    /// A speech verb, then the name: "…," said Okafor.
    SaidName,
    /// A description of a person named elsewhere: "…," the senator said.
    Description,
    /// A pronoun, resolved to the person the passage is about.
    Pronoun,
    /// "according to Okafor".
    AccordingTo,
    /// An earlier speech verb in the sentence: Okafor said the plan "…".
    ReportedSpeech,
    /// A clause ending in a colon: Okafor disagreed: "…".
    Colon,
    /// A lede's unnamed speaker, named at the start of the next paragraph.
    NamedNext,
    /// A quote running on into a new paragraph.
    Continued,
    /// The speaker of the quote before it in the paragraph.
    SameParagraph,
    /// A paragraph of quotation after another speaker's quote.
    LastSpeaker,
    /// The paragraph before introduced it ("… Okafor said:").
    Introduced,
    /// The paragraph before was about one person.
    ParagraphSubject,
    /// A quote opening its paragraph, then a sentence about one person:
    /// “…” Okafor, asked about the loss, did not sound worried.
    SubjectAfter,
    /// An unnamed person speaks: "a spokesman said", "one said".
    Unnamed,
    /// A group, organization or country speaks: "the ministry said".
    Group,
    /// The reader said who speaks (a saved correction).
    Corrected,
    /// Nothing attributes the quote.
    #[default]
    None,
}

impl Rule {
    /// The rule in a few words, for the status line and the quotes view.
    pub fn explain(self) -> &'static str {
        match self {
            Rule::Named => "named by the quote",
            Rule::SaidName => "named after the verb",
            Rule::Description => "described by the quote",
            Rule::Pronoun => "pronoun, the person talked about",
            Rule::AccordingTo => "according to",
            Rule::ReportedSpeech => "speaker of the sentence",
            Rule::Colon => "introduced by a colon",
            Rule::NamedNext => "named in the next paragraph",
            Rule::Continued => "quote goes on",
            Rule::SameParagraph => "same speaker as the quote before",
            Rule::LastSpeaker => "last speaker",
            Rule::Introduced => "introduced by the paragraph before",
            Rule::ParagraphSubject => "the person of the paragraph before",
            Rule::SubjectAfter => "the subject of the sentence after",
            Rule::Unnamed => "an unnamed speaker",
            Rule::Group => "a group speaks",
            Rule::Corrected => "corrected by you",
            Rule::None => "no attribution found",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Document {
    pub text: String,
    pub sections: Vec<Section>,
    pub sentences: Vec<Span>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    /// Visible stand-ins for control characters found in the input.
    pub placeholders: Vec<Span>,
    /// Newlines of hard-wrapped paragraphs that `text` holds as spaces, so
    /// that each paragraph reads as one line of prose.
    pub joins: Vec<usize>,
}

/// What sort of numeric expression a [`NumberMatch`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    Cardinal,
    Decimal,
    Percent,
    Money,
    Quantity,
    Year,
    Date,
    Time,
    Ordinal,
    Counted,
    Range,
    Age,
    Fraction,
}

impl NumberKind {
    /// A short lowercase label ("money", "date", ...).
    pub fn label(self) -> &'static str {
        match self {
            NumberKind::Cardinal => "cardinal",
            NumberKind::Decimal => "decimal",
            NumberKind::Percent => "percent",
            NumberKind::Money => "money",
            NumberKind::Quantity => "quantity",
            NumberKind::Year => "year",
            NumberKind::Date => "date",
            NumberKind::Time => "time",
            NumberKind::Ordinal => "ordinal",
            NumberKind::Counted => "counted",
            NumberKind::Range => "range",
            NumberKind::Age => "age",
            NumberKind::Fraction => "fraction",
        }
    }
}

impl Document {
    /// The article's own text: `text` with the newlines of hard-wrapped
    /// lines put back. Each join swapped one byte for one, so every span
    /// indexes both texts alike.
    pub fn source_text(&self) -> std::borrow::Cow<'_, str> {
        if self.joins.is_empty() {
            return std::borrow::Cow::Borrowed(&self.text);
        }
        let mut bytes = self.text.clone().into_bytes();
        for &i in &self.joins {
            if let Some(b @ b' ') = bytes.get_mut(i) {
                *b = b'\n';
            }
        }
        // Only ASCII spaces became ASCII newlines: still valid UTF-8.
        std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| self.text.clone()))
    }

    pub fn slice(&self, span: &Span) -> &str {
        &self.text[span.clone()]
    }

    pub fn title(&self) -> Option<&str> {
        self.section_text(SectionKind::Title)
    }

    pub fn dek(&self) -> Option<&str> {
        self.section_text(SectionKind::Dek)
    }

    fn section_text(&self, kind: SectionKind) -> Option<&str> {
        self.sections
            .iter()
            .find(|s| s.kind == kind)
            .map(|s| self.slice(&s.span))
    }

    /// Entities of one kind, in sidebar order (most mentioned first).
    /// Minor numbers are left out: the lists show what a reader looks for.
    pub fn entities_of(&self, kind: EntityKind) -> Vec<EntityId> {
        let mut ids: Vec<EntityId> = self
            .entities
            .iter()
            .filter(|e| e.kind == kind && !e.minor())
            .map(|e| e.id)
            .collect();
        ids.sort_by_key(|&id| {
            let e = &self.entities[id];
            let first = e.mentions.first().map_or(usize::MAX, |m| m.span.start);
            (std::cmp::Reverse(e.mentions.len()), first)
        });
        ids
    }

    /// The names of the entities of one kind, sorted.
    pub fn names_of(&self, kind: EntityKind) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.as_str())
            .collect();
        names.sort_unstable();
        names
    }
}
