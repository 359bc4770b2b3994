// edition: 2021
trait T { type A; fn g(); }
fn f<X: T>() { <X as T>::g(); let _: <X as T>::A; <X>::g(); }
