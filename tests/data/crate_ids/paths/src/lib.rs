#[path = "other/thing.rs"]
pub mod thing;

pub mod inl {
    #[path = "deep.rs"]
    pub mod deep;

    pub fn local() -> u8 {
        deep::value() + 1
    }
}

#[cfg_attr(all(), path = "other/renamed.rs")]
pub mod via_cfg_attr;

#[cfg_attr(feature = "alt", path = "other/alt.rs")]
pub mod fallback;

pub mod nested {
    pub mod inner {
        pub mod leaf;
    }
}

pub fn total() -> u32 {
    thing::THING + via_cfg_attr::renamed() + fallback::which() as u32
}
