//! How the reader looks, as the settings choose it: the palette and which
//! highlights are on. The view's theme turns this into styles.

/// The color scheme, chosen in the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Palette {
    #[default]
    Dark,
    Light,
    HighContrast,
}

/// How the reader looks: palette and which highlights are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub palette: Palette,
    /// Quotes colored by speaker.
    pub quote_colors: bool,
}

impl Default for Look {
    fn default() -> Look {
        Look {
            palette: Palette::Dark,
            quote_colors: true,
        }
    }
}
