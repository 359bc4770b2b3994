// edition: 2024
// just a comment
