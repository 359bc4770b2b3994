#[cfg(has_fast_path)]
mod fast;
#[cfg(not(has_fast_path))]
mod slow;

#[cfg(never_set)]
pub fn conditional() {}

pub fn compute(x: u32) -> u32 {
    #[cfg(has_fast_path)]
    {
        fast::go(x)
    }
    #[cfg(not(has_fast_path))]
    {
        slow::go(x)
    }
}
