//! Heap bytes held per claim: reads a corpus the way `check` does (texts released) with a
//! counting allocator and prints the claims, `size_of::<Claim>()` and the live heap per
//! claim once the corpus is read. Usage: `cargo run --release --example claim_memory PATH`.

use claimcheck::extract::{Claim, Knowledge};
use claimcheck::pipeline;
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes it holds.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let lexicon = Knowledge::builtin();
    // A first read builds the lazily compiled tables (themes, units, families ...).
    drop(pipeline::analyse_for_check(&paths, &lexicon, None));
    let base = LIVE.load(Ordering::Relaxed);
    let mut analysis = pipeline::analyse_for_check(&paths, &lexicon, None);
    let with_documents = LIVE.load(Ordering::Relaxed) - base;
    analysis.claims.shrink_to_fit();
    let claims = std::mem::take(&mut analysis.claims);
    drop(analysis);
    let only_claims = LIVE.load(Ordering::Relaxed) - base;
    let n = claims.len().max(1);
    let inline = std::mem::size_of::<Claim>();
    println!("claims: {}", claims.len());
    println!("size_of::<Claim>(): {inline}");
    println!(
        "heap per claim (claims only): {} bytes, of which {} outside the claim vector",
        only_claims / n,
        only_claims / n - inline
    );
    println!(
        "heap per claim (with documents): {} bytes",
        with_documents / n
    );
}
