use std::num::ParseIntError;

pub fn parse_pair(text: &str) -> Result<(u32, u32), ParseIntError> {
    let mut parts = text.splitn(2, ',');
    let a = try!(parts.next().unwrap_or("").trim().parse());
    let b = parts.next().unwrap_or("0").trim().parse()?;
    Ok((a, b))
}
