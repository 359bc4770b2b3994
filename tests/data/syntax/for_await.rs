// edition: 2024
#![feature(async_for_loop)]
async fn f(s: impl core::async_iter::AsyncIterator<Item = u8>) { for await x in s {} }
