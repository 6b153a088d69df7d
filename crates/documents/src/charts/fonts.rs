//! The font the charts are measured and rasterised with: Libertinus Serif
//! from typst-assets, the same bytes the PDF is set in, so nothing depends
//! on the fonts of the machine and nothing is fetched. plotters measures
//! every label with a registered font, SVG or not, so registration comes
//! before any drawing.

use plotters::style::{FontStyle, register_font};
use std::sync::OnceLock;
use ttf_parser::{Face, name_id};

/// The family SVG for browsers names; measured with Libertinus, which is
/// narrower than most sans-serif faces, so layouts leave room (see labels).
pub(crate) const SCREEN: &str = "sans-serif";
/// The family typst finds among its own fonts when it renders the SVG.
pub(crate) const PRINT: &str = "Libertinus Serif";

fn name(face: &Face, id: u16) -> Option<String> {
    face.names()
        .into_iter()
        .filter(|n| n.name_id == id)
        .find_map(|n| n.to_string())
}

/// The bundled font of `family` and `style` (e.g. "Regular").
fn bundled(family: &str, style: &str) -> Option<&'static [u8]> {
    typst_assets::fonts().find(|bytes| {
        Face::parse(bytes, 0).is_ok_and(|face| {
            name(&face, name_id::FAMILY).as_deref() == Some(family)
                && name(&face, name_id::SUBFAMILY).as_deref() == Some(style)
        })
    })
}

fn register() -> Result<(), String> {
    let regular = bundled("Libertinus Serif", "Regular")
        .ok_or("typst-assets no longer ships Libertinus Serif Regular")?;
    let bold = bundled("Libertinus Serif", "Bold").unwrap_or(regular);
    for family in [SCREEN, PRINT] {
        for (style, bytes) in [(FontStyle::Normal, regular), (FontStyle::Bold, bold)] {
            register_font(family, style, bytes)
                .map_err(|_| format!("the bundled font for {family} could not be read"))?;
        }
    }
    Ok(())
}

/// Registers the fonts once per process; every chart calls this first.
pub(crate) fn ensure() -> Result<(), String> {
    static DONE: OnceLock<Result<(), String>> = OnceLock::new();
    DONE.get_or_init(register).clone()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bundled_fonts_are_found_and_registered() {
        assert!(super::bundled("Libertinus Serif", "Regular").is_some());
        assert!(super::bundled("Libertinus Serif", "Bold").is_some());
        assert!(super::bundled("No Such Font", "Regular").is_none());
        super::ensure().unwrap();
    }
}
