// mode: cargo
// check-cfg: cfg(many, values("v00", "v01", "v02", "v03", "v04", "v05", "v06", "v07", "v08", "v09", "v10", "v11", "v12", "v13", "v14", "v15", "v16", "v17", "v18", "v19", "v20", "v21", "v22", "v23", "v24", "v25", "v26", "v27", "v28", "v29", "v30", "v31", "v32", "v33", "v34", "v35", "v36", "v37", "v38", "v39"))
#[cfg(zzzzzzzz = "v01")] pub fn a() {}
#[cfg(mnay = "v01x")] pub fn b() {}
