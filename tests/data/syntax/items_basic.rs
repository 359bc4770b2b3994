// edition: 2024
use std::io;
use std::{fmt, collections::{HashMap, HashSet as HS}};
use std::prelude::rust_2021::*;
extern crate core;
extern crate std as s2;
