//! Sets the soname of the shared library to `liblex.so.<ABI major>` so that programs linked
//! against one ABI major refuse to load another.

fn main() {
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,liblex.so.1");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
