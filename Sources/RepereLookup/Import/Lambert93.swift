import Foundation

/// Lambert-93 (RGF93, EPSG:2154) projected metres → WGS84 degrees, the inverse of the
/// Lambert conformal conic with two standard parallels (IGN's published constants). FINESS gives
/// mainland coordinates in it; RGF93 and WGS84 agree to well under a metre.
enum Lambert93 {
  private static let eccentricity = 0.08181919106
  private static let n = 0.7256077650
  private static let c = 11_754_255.426
  private static let xs = 700_000.0
  private static let ys = 12_655_612.050
  private static let lambda0 = 3.0 * Double.pi / 180

  static func toWGS84(x: Double, y: Double) -> (latitude: Double, longitude: Double) {
    let dx = x - xs
    let dy = y - ys
    let r = (dx * dx + dy * dy).squareRoot()
    let gamma = atan(dx / -dy)
    let longitude = lambda0 + gamma / n
    let isometric = -1 / n * log(abs(r / c))
    var latitude = 2 * atan(exp(isometric)) - Double.pi / 2
    for _ in 0..<8 {
      let sine = eccentricity * sin(latitude)
      latitude = 2 * atan(pow((1 + sine) / (1 - sine), eccentricity / 2) * exp(isometric)) - Double.pi / 2
    }
    return (latitude * 180 / Double.pi, longitude * 180 / Double.pi)
  }
}
