//! Great-circle distances between places, with the trigonometry of each point done once.
//!
//! Geocoding measures every reading of an ambiguous name against every anchor of the document,
//! so the cosine of each latitude is taken once per point instead of once per pair. The
//! arithmetic is the haversine formula term for term, so distances are bit-for-bit those of
//! computing it from degrees each time.

/// A point with its latitude in radians and the cosine of that latitude.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Point {
    lat_rad: f64,
    cos_lat: f64,
    lon: f64,
}

impl Point {
    /// The point at `lat`, `lon` in degrees.
    pub(crate) fn new(lat: f64, lon: f64) -> Point {
        let lat_rad = lat.to_radians();
        Point {
            lat_rad,
            cos_lat: lat_rad.cos(),
            lon,
        }
    }
}

/// Great-circle distance from `a` to `b` in kilometres.
pub(crate) fn distance_km(a: &Point, b: &Point) -> f64 {
    let dp = b.lat_rad - a.lat_rad;
    let dl = (b.lon - a.lon).to_radians();
    let h = (dp / 2.0).sin().powi(2) + a.cos_lat * b.cos_lat * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().clamp(0.0, 1.0).asin()
}

/// A lower bound of [`distance_km`]: the distance along a meridian between the two latitudes.
pub(crate) fn latitude_gap_km(a: &Point, b: &Point) -> f64 {
    6371.0 * (b.lat_rad - a.lat_rad).abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The formula as it was written before points kept their trigonometry.
    fn from_degrees(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
        let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
        let dp = p2 - p1;
        let dl = (lon2 - lon1).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * 6371.0 * a.sqrt().clamp(0.0, 1.0).asin()
    }

    #[test]
    fn same_bits_as_from_degrees() {
        let points = [
            (36.2, 37.15),
            (33.51, 36.29),
            (35.93, 36.63),
            (-33.9, 151.2),
            (0.0, 0.0),
            (36.2, 37.15),
        ];
        for &(la1, lo1) in &points {
            for &(la2, lo2) in &points {
                let d = distance_km(&Point::new(la1, lo1), &Point::new(la2, lo2));
                assert_eq!(d.to_bits(), from_degrees(la1, lo1, la2, lo2).to_bits());
            }
        }
        for &(la1, lo1) in &points {
            for &(la2, lo2) in &points {
                let (a, b) = (Point::new(la1, lo1), Point::new(la2, lo2));
                assert!(latitude_gap_km(&a, &b) <= distance_km(&a, &b) + 1e-6);
            }
        }
        let aleppo_damascus = distance_km(&Point::new(36.2, 37.15), &Point::new(33.51, 36.29));
        assert!((aleppo_damascus - 310.0).abs() < 10.0, "{aleppo_damascus}");
    }
}
