pub mod y;

pub(crate) fn helper<'a>(s: &'a str) -> &'a str
where
    'a: 'a,
{
    s.trim()
}
