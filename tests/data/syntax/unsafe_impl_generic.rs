// edition: 2024
unsafe trait U {}
unsafe impl<T: Send> U for Vec<T> {}
