// check-cfg: cfg(has_feature_x, my_config)
#[cfg(has_featur_x)] pub fn a() {}
#[cfg(my_confgi)] pub fn b() {}
#[cfg(mmy_config)] pub fn c() {}
