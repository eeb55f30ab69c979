//! Colors and styles. Speaker colors are mid-tone 256-color entries that read
//! on dark and light backgrounds; entity kinds get soft pastel underlines
//! (displaCy-like). Without color (NO_COLOR) only modifiers are used.

use ratatui::style::{Color, Modifier, Style};

use crate::model::EntityKind;
use crate::reader::index::SPEAKER_COLORS;
use crate::reader::look::{Look, Palette};

/// Speaker palette (xterm-256 indices): blue, orange, green, magenta, teal,
/// ochre, violet, brick.
const SPEAKERS: [u8; SPEAKER_COLORS] = [33, 166, 35, 163, 37, 136, 98, 167];
/// Darker tones of the same hues, for light backgrounds.
const SPEAKERS_LIGHT: [u8; SPEAKER_COLORS] = [25, 130, 28, 127, 30, 94, 55, 124];
/// Okabe-Ito colors (safe for color-blind readers) and strong extras:
/// orange, sky blue, bluish green, yellow, blue, vermillion, reddish
/// purple, white.
const SPEAKERS_HIGH: [u8; SPEAKER_COLORS] = [214, 75, 36, 226, 27, 202, 175, 231];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub look: Look,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            look: Look::default(),
        }
    }

    pub fn with_look(color: bool, look: Look) -> Theme {
        Theme { color, look }
    }

    /// Quotes take their speaker's color.
    pub fn colors_quotes(self) -> bool {
        self.color && self.look.quote_colors
    }

    /// A grey for quieter text, readable on the palette's background.
    fn grey(self) -> Color {
        match self.look.palette {
            Palette::Dark => Color::Indexed(244),
            Palette::Light => Color::Indexed(241),
            Palette::HighContrast => Color::Reset,
        }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn speaker_color(self, slot: usize) -> Color {
        let table = match self.look.palette {
            Palette::Dark => &SPEAKERS,
            Palette::Light => &SPEAKERS_LIGHT,
            Palette::HighContrast => &SPEAKERS_HIGH,
        };
        Color::Indexed(table[slot % SPEAKER_COLORS])
    }

    /// A quote by a speaker with this palette slot.
    pub fn quote(self, slot: usize) -> Style {
        if self.colors_quotes() {
            Style::new().fg(self.speaker_color(slot))
        } else {
            Style::new().add_modifier(Modifier::ITALIC)
        }
    }

    /// A quote nobody is credited with.
    pub fn unattributed(self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    /// A quote whose speaker is a guess: the speaker's color, slanted.
    pub fn unsure(self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    /// The selected person's quotes.
    pub fn emphasized(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Other quotes while a person is selected.
    pub fn quieted(self) -> Style {
        Style::new()
            .fg(Color::Reset)
            .add_modifier(Modifier::DIM)
            .remove_modifier(Modifier::BOLD)
    }

    /// Subtle style of a mention, by entity kind.
    pub fn kind(self, kind: EntityKind) -> Style {
        if !self.color {
            return Style::new();
        }
        let c = match (self.look.palette, kind) {
            (Palette::Dark, EntityKind::Person) => 183,       // lilac
            (Palette::Dark, EntityKind::Place) => 222,        // amber
            (Palette::Dark, EntityKind::Number) => 152,       // pale blue-grey
            (Palette::Dark, EntityKind::Organization) => 151, // pale green
            (Palette::Light, EntityKind::Person) => 97,
            (Palette::Light, EntityKind::Place) => 172,
            (Palette::Light, EntityKind::Number) => 67,
            (Palette::Light, EntityKind::Organization) => 71,
            (Palette::HighContrast, EntityKind::Person) => 175,
            (Palette::HighContrast, EntityKind::Place) => 214,
            (Palette::HighContrast, EntityKind::Number) => 75,
            (Palette::HighContrast, EntityKind::Organization) => 36,
        };
        Style::new()
            .add_modifier(Modifier::UNDERLINED)
            .underline_color(Color::Indexed(c))
    }

    /// Bars and markers drawn in an entity kind's color.
    pub fn kind_bar(self, kind: EntityKind) -> Style {
        if !self.color {
            return Style::new();
        }
        let c = match kind {
            EntityKind::Person => 141,
            EntityKind::Place => 214,
            EntityKind::Number => 110,
            EntityKind::Organization => 108,
        };
        Style::new().fg(Color::Indexed(c))
    }

    /// Mentions of the selected entity.
    pub fn selected_mention(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The current mention (after n/N).
    pub fn current_mention(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn search_hit(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Indexed(228))
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn current_hit(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Indexed(208))
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// Stand-ins for control characters.
    pub fn placeholder(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::REVERSED)
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dek(self) -> Style {
        self.fg(self.grey()).add_modifier(Modifier::ITALIC)
    }

    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn quiet(self) -> Style {
        self.fg(self.grey())
    }

    pub fn group(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The sidebar cursor: reversed while the sidebar has focus, bold and
    /// underlined while the text has it.
    pub fn cursor(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn status(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Indexed(33))
        } else {
            self.quiet()
        }
    }
}

#[cfg(test)]
mod palette_tests {
    use super::*;

    #[test]
    fn palettes_differ_and_quote_colors_can_be_off() {
        let look = |palette| Look {
            palette,
            quote_colors: true,
        };
        let dark = Theme::with_look(true, look(Palette::Dark));
        let light = Theme::with_look(true, look(Palette::Light));
        let high = Theme::with_look(true, look(Palette::HighContrast));
        assert_eq!(dark, Theme::new(true));
        assert_ne!(dark.speaker_color(0), light.speaker_color(0));
        assert_ne!(dark.speaker_color(0), high.speaker_color(0));
        assert_ne!(dark.kind(EntityKind::Place), high.kind(EntityKind::Place));
        let plain = Theme::with_look(
            true,
            Look {
                palette: Palette::Dark,
                quote_colors: false,
            },
        );
        assert_eq!(plain.quote(0), plain.unattributed());
        // NO_COLOR wins over every palette.
        let mono = Theme::with_look(false, look(Palette::HighContrast));
        assert_eq!(mono.kind(EntityKind::Person), Style::new());
    }
}
