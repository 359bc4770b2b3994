// edition: 2024
use std::{self as s, io::{self, Read as R}, *};
use ::std::fmt;
pub use crate::m::*;
mod m {}
