//! The places of an article on a world map: which places have coordinates,
//! the window of the world that holds them, where each marker lands on the
//! screen and where its label goes without colliding with another.
//!
//! Everything here is pure geometry, used both to draw the map and to find
//! what a mouse click hit.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::model::{Document, EntityId, EntityKind};

/// Smallest window, in degrees, around a single place or a tight cluster.
const MIN_LON_SPAN: f64 = 36.0;
const MIN_LAT_SPAN: f64 = 18.0;
/// Margin around the places, as a share of their spread.
const MARGIN: f64 = 0.15;
/// Labels shorter than this (with the ellipsis) are not worth showing.
const MIN_LABEL: usize = 4;

/// Places with usable coordinates, in sidebar order (most mentioned first).
pub fn mapped_places(doc: &Document) -> Vec<EntityId> {
    doc.entities_of(EntityKind::Place)
        .into_iter()
        .filter(|&id| coords(doc, id).is_some())
        .collect()
}

/// An entity's coordinates as (latitude, longitude), when valid.
pub fn coords(doc: &Document, id: EntityId) -> Option<(f64, f64)> {
    let (lat, lon) = doc.entities.get(id)?.coords?;
    let ok = lat.is_finite()
        && lon.is_finite()
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon);
    ok.then_some((lat, lon))
}

/// The part of the world shown: longitude and latitude bounds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub lon: [f64; 2],
    pub lat: [f64; 2],
}

impl Window {
    pub const WORLD: Window = Window {
        lon: [-180.0, 180.0],
        lat: [-90.0, 90.0],
    };

    /// The region holding `points` (latitude, longitude) with a margin,
    /// shaped for an area of `cols` x `rows` cells (a cell is about twice
    /// as tall as wide), and clamped to the world.
    pub fn around(points: &[(f64, f64)], cols: u16, rows: u16) -> Window {
        if points.is_empty() || cols == 0 || rows == 0 {
            return Window::WORLD;
        }
        let (mut lat0, mut lat1, mut lon0, mut lon1) = (90.0_f64, -90.0_f64, 180.0_f64, -180.0_f64);
        for &(lat, lon) in points {
            lat0 = lat0.min(lat);
            lat1 = lat1.max(lat);
            lon0 = lon0.min(lon);
            lon1 = lon1.max(lon);
        }
        let mut lon_span = ((lon1 - lon0) * (1.0 + 2.0 * MARGIN)).max(MIN_LON_SPAN);
        let mut lat_span = ((lat1 - lat0) * (1.0 + 2.0 * MARGIN)).max(MIN_LAT_SPAN);
        // Degrees per Braille dot equal both ways: a cell holds 2x4 dots.
        let ratio = f64::from(cols) / (2.0 * f64::from(rows));
        if lon_span / lat_span < ratio {
            lon_span = lat_span * ratio;
        } else {
            lat_span = lon_span / ratio;
        }
        let lon_span = lon_span.min(360.0);
        let lat_span = lat_span.min(180.0);
        let fit = |center: f64, span: f64, limit: f64| {
            let lo = (center - span / 2.0).clamp(-limit, limit - span);
            [lo, lo + span]
        };
        Window {
            lon: fit((lon0 + lon1) / 2.0, lon_span, 180.0),
            lat: fit((lat0 + lat1) / 2.0, lat_span, 90.0),
        }
    }

    /// The cell of `area` showing (lat, lon), as the Braille canvas places
    /// it; `None` outside the window.
    pub fn cell(&self, area: Rect, lat: f64, lon: f64) -> Option<(u16, u16)> {
        let [x0, x1] = self.lon;
        let [y0, y1] = self.lat;
        if area.is_empty() || lon < x0 || lon > x1 || lat < y0 || lat > y1 {
            return None;
        }
        let dots_x = f64::from(area.width) * 2.0 - 1.0;
        let dots_y = f64::from(area.height) * 4.0 - 1.0;
        let px = ((lon - x0) * dots_x / (x1 - x0)).round() as u16 / 2;
        let py = ((y1 - lat) * dots_y / (y1 - y0)).round() as u16 / 4;
        Some((
            area.x + px.min(area.width - 1),
            area.y + py.min(area.height - 1),
        ))
    }
}

/// A place's marker on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub id: EntityId,
    pub x: u16,
    pub y: u16,
}

/// A place's name on screen: one row starting at (x, y).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub id: EntityId,
    pub x: u16,
    pub y: u16,
    pub text: String,
}

impl Label {
    pub fn rect(&self) -> Rect {
        Rect::new(self.x, self.y, self.text.width() as u16, 1)
    }
}

/// Everything drawn over the coastlines.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    pub window: Window,
    pub markers: Vec<Marker>,
    pub labels: Vec<Label>,
}

impl MapLayout {
    /// Lay out the places `ids` of `doc` in `area`, the `selected` one's
    /// label first. Labels stay inside the area, never overlap each other
    /// and never cover a marker; a label that does not fit is shortened or
    /// left out.
    pub fn new(doc: &Document, ids: &[EntityId], selected: Option<EntityId>, area: Rect) -> Self {
        let points: Vec<(EntityId, (f64, f64))> = ids
            .iter()
            .filter_map(|&id| Some((id, coords(doc, id)?)))
            .collect();
        let coords_only: Vec<(f64, f64)> = points.iter().map(|p| p.1).collect();
        let window = Window::around(&coords_only, area.width, area.height);
        let markers: Vec<Marker> = points
            .iter()
            .filter_map(|&(id, (lat, lon))| {
                let (x, y) = window.cell(area, lat, lon)?;
                Some(Marker { id, x, y })
            })
            .collect();
        let mut taken = Grid::new(area);
        for m in &markers {
            taken.set(m.x, m.y);
        }
        let mut order: Vec<&Marker> = markers.iter().collect();
        // The selected place first; the rest keep sidebar order.
        order.sort_by_key(|m| Some(m.id) != selected);
        let mut labels = Vec::new();
        let mut labelled: Vec<EntityId> = Vec::new();
        for m in order {
            if labelled.contains(&m.id) {
                continue;
            }
            let name = &doc.entities[m.id].name;
            if let Some(label) = place_label(&taken, area, m, name) {
                taken.fill(label.rect());
                labelled.push(m.id);
                labels.push(label);
            }
        }
        MapLayout {
            window,
            markers,
            labels,
        }
    }

    /// The place under a screen cell: a label or a marker.
    pub fn hit(&self, x: u16, y: u16) -> Option<EntityId> {
        let p = ratatui::layout::Position::new(x, y);
        self.labels
            .iter()
            .find(|l| l.rect().contains(p))
            .map(|l| l.id)
            .or_else(|| {
                self.markers
                    .iter()
                    .find(|m| m.x == x && m.y == y)
                    .map(|m| m.id)
            })
    }
}

/// The first free spot for a marker's label: right, left, above or below,
/// at full length, then shortened.
fn place_label(taken: &Grid, area: Rect, m: &Marker, name: &str) -> Option<Label> {
    let full = name.width();
    let mut lengths = vec![full];
    let mut w = full;
    while w > MIN_LABEL {
        w = (w * 2 / 3).max(MIN_LABEL);
        lengths.push(w);
    }
    for len in lengths {
        let text = crate::reader::layout::fit(name, len);
        let tw = text.width() as i32;
        if tw == 0 {
            continue;
        }
        let (mx, my) = (i32::from(m.x), i32::from(m.y));
        let spots = [
            (mx + 1, my),
            (mx - tw, my),
            (mx - tw / 2, my - 1),
            (mx - tw / 2, my + 1),
            (mx + 1, my - 1),
            (mx + 1, my + 1),
            (mx - tw, my - 1),
            (mx - tw, my + 1),
        ];
        for (x, y) in spots {
            let fits = x >= i32::from(area.x)
                && y >= i32::from(area.y)
                && x + tw <= i32::from(area.right())
                && y < i32::from(area.bottom());
            if !fits {
                continue;
            }
            let rect = Rect::new(x as u16, y as u16, tw as u16, 1);
            if taken.is_free(rect) {
                return Some(Label {
                    id: m.id,
                    x: x as u16,
                    y: y as u16,
                    text,
                });
            }
        }
    }
    None
}

/// Which cells of an area are taken.
struct Grid {
    area: Rect,
    cells: Vec<bool>,
}

impl Grid {
    fn new(area: Rect) -> Grid {
        Grid {
            area,
            cells: vec![false; usize::from(area.width) * usize::from(area.height)],
        }
    }

    fn index(&self, x: u16, y: u16) -> Option<usize> {
        let a = self.area;
        (x >= a.x && y >= a.y && x < a.right() && y < a.bottom())
            .then(|| usize::from(y - a.y) * usize::from(a.width) + usize::from(x - a.x))
    }

    fn set(&mut self, x: u16, y: u16) {
        if let Some(i) = self.index(x, y) {
            self.cells[i] = true;
        }
    }

    fn fill(&mut self, r: Rect) {
        for x in r.x..r.right() {
            self.set(x, r.y);
        }
    }

    fn is_free(&self, r: Rect) -> bool {
        (r.x..r.right()).all(|x| self.index(x, r.y).is_some_and(|i| !self.cells[i]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Entity;

    fn place(id: usize, name: &str, lat: f64, lon: f64) -> Entity {
        Entity {
            id,
            kind: EntityKind::Place,
            name: name.into(),
            mentions: Vec::new(),
            role: None,
            coords: Some((lat, lon)),
            number: None,
        }
    }

    fn doc(places: &[(&str, f64, f64)]) -> Document {
        let mut doc = Document::analyze("Title\n\nText.");
        doc.entities = places
            .iter()
            .enumerate()
            .map(|(i, &(n, lat, lon))| place(i, n, lat, lon))
            .collect();
        doc
    }

    #[test]
    fn window_holds_the_places_with_a_margin_and_keeps_the_aspect() {
        let pts = [(55.76, 37.62), (50.45, 30.52), (38.9, -77.04)];
        let w = Window::around(&pts, 80, 20);
        for &(lat, lon) in &pts {
            assert!(w.lon[0] < lon && lon < w.lon[1]);
            assert!(w.lat[0] < lat && lat < w.lat[1]);
        }
        let ratio = (w.lon[1] - w.lon[0]) / (w.lat[1] - w.lat[0]);
        assert!((ratio - 80.0 / 40.0).abs() < 0.01, "{ratio}");
        // Not the whole world: Europe to America only.
        assert!(w.lon[1] - w.lon[0] < 360.0);
    }

    #[test]
    fn a_single_place_gets_a_regional_window() {
        let w = Window::around(&[(-17.83, 31.05)], 60, 20);
        let lon_span = w.lon[1] - w.lon[0];
        let lat_span = w.lat[1] - w.lat[0];
        assert!((MIN_LON_SPAN..=90.0).contains(&lon_span), "{lon_span}");
        assert!(
            (MIN_LAT_SPAN / 2.0..=45.0).contains(&lat_span),
            "{lat_span}"
        );
        assert!(w.lon[0] < 31.05 && 31.05 < w.lon[1]);
    }

    #[test]
    fn window_is_clamped_to_the_world() {
        let w = Window::around(&[(89.0, 179.0), (-89.0, -179.0)], 200, 10);
        assert!(w.lon[0] >= -180.0 && w.lon[1] <= 180.0);
        assert!(w.lat[0] >= -90.0 && w.lat[1] <= 90.0);
        let near_edge = Window::around(&[(80.0, 175.0)], 40, 10);
        assert!(near_edge.lon[1] <= 180.0 && near_edge.lat[1] <= 90.0);
        assert!(near_edge.lon[0] < 175.0);
        assert_eq!(Window::around(&[], 10, 10), Window::WORLD);
    }

    #[test]
    fn cells_are_inside_the_area() {
        let area = Rect::new(3, 2, 17, 9);
        let w = Window::WORLD;
        for (lat, lon) in [(90.0, -180.0), (-90.0, 180.0), (0.0, 0.0)] {
            let (x, y) = w.cell(area, lat, lon).unwrap();
            assert!(x >= area.x && x < area.right() && y >= area.y && y < area.bottom());
        }
        assert_eq!(w.cell(Rect::new(0, 0, 0, 5), 0.0, 0.0), None);
    }

    #[test]
    fn labels_do_not_collide_and_stay_inside() {
        // Moscow and Russia share a point, Kyiv is close by.
        let d = doc(&[
            ("Russia", 55.76, 37.62),
            ("Moscow", 55.76, 37.62),
            ("Ukraine", 50.45, 30.52),
            ("Kyiv", 50.45, 30.52),
            ("Krasnoyarsk", 56.01, 92.87),
            ("Washington", 38.9, -77.04),
        ]);
        let ids = mapped_places(&d);
        for (w, h) in [(60, 20), (30, 8), (12, 4), (5, 2), (1, 1), (100, 3)] {
            let area = Rect::new(2, 1, w, h);
            let l = MapLayout::new(&d, &ids, Some(1), area);
            for (i, a) in l.labels.iter().enumerate() {
                let r = a.rect();
                assert!(area.contains(r.as_position()) && r.right() <= area.right());
                for b in &l.labels[i + 1..] {
                    assert!(!r.intersects(b.rect()), "{a:?} {b:?} at {w}x{h}");
                }
                for m in &l.markers {
                    assert!(!r.contains(ratatui::layout::Position::new(m.x, m.y)));
                }
            }
        }
        // With room, the selected place is labelled in full.
        let l = MapLayout::new(&d, &ids, Some(1), Rect::new(0, 0, 60, 20));
        assert!(l.labels.iter().any(|a| a.id == 1 && a.text == "Moscow"));
        assert_eq!(l.markers.len(), 6);
        let moscow = l.labels.iter().find(|a| a.id == 1).unwrap();
        assert_eq!(l.hit(moscow.x, moscow.y), Some(1));
    }
}
