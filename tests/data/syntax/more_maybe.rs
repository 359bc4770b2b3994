// edition: 2024
#![feature(more_maybe_bounds)]
trait Tr {}
fn f<T: ?Tr + ?Sized>() {}
