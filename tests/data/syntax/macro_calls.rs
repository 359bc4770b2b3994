// edition: 2024
fn f() { println!("a"); let v = vec![1, 2]; assert!(true); m! { x } n!(y); }
