//! The Fluent files are read at compile time; a new file in `locales/`
//! must rebuild the crate too, not only a change to one already read.

fn main() {
    println!("cargo:rerun-if-changed=locales");
}
