#!/usr/bin/env rust
// edition: 2024
fn main() {}
