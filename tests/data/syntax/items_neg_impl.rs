// edition: 2024
#![feature(negative_impls)]
struct S;
impl !Send for S {}
impl !Sync for S {}
