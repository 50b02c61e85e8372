import RepereBase
import RepereLookup

/// A terminal picture of the coverage: metropolitan France drawn from the départements' centre
/// points (each cell takes the nearest département within reach, so the coast and borders come
/// out by themselves), overseas départements in a row of their own, each coloured by how many
/// serious queries find nothing local — with a monochrome fallback of shading characters — and a
/// legend with the least covered départements.
public struct CoverageMap {
  /// How well a département is covered, from its serious-level gaps.
  public enum Grade: Int, CaseIterable, Sendable {
    case covered, gaps, critical

    /// The glyph in monochrome (also the legend's key).
    var glyph: Character {
      switch self {
      case .covered: return "░"
      case .gaps: return "▒"
      case .critical: return "█"
      }
    }

    /// ANSI background colour (green, yellow, red) with black text.
    var ansi: String {
      switch self {
      case .covered: return "\u{1B}[30;42m"
      case .gaps: return "\u{1B}[30;43m"
      case .critical: return "\u{1B}[97;41m"
      }
    }
  }

  public let report: CoverageReport
  public let departements: [Departement]

  public init(report: CoverageReport, departements: [Departement]) {
    self.report = report
    self.departements = departements
  }

  /// The grade of a row: no serious gap; at most half; more than half of the serious queries.
  public func grade(_ row: CoverageReport.Row) -> Grade {
    let serious = report.queries.filter { CoverageReport.seriousLevels.contains($0.level) }.count
    let (missing, total) = serious > 0 ? (row.seriousGaps, serious) : (row.gaps, report.queries.count)
    if missing == 0 { return .covered }
    return missing * 2 <= total ? .gaps : .critical
  }

  /// The smallest and largest map drawn: below, the legend does not fit; above, a slip such as
  /// `--size 100000x100000` would take minutes (every cell measures its distance to 96 seats).
  public static let minimumSize = (width: 60, height: 20)
  public static let maximumSize = (width: 400, height: 200)

  /// `LARGEURxHAUTEUR` as `--size` takes it (`120x40`, `120X40`), or nil when it is not two
  /// positive whole numbers.
  public static func size(parsing text: String) -> (width: Int, height: Int)? {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), width > 0, height > 0 else {
      return nil
    }
    return (width, height)
  }

  /// Draws the map in `width` × `height` cells, brought within `minimumSize` and `maximumSize`;
  /// `color` uses ANSI colours, otherwise shading characters only.
  public func render(width: Int, height: Int, color: Bool) -> String {
    let width = min(max(width, Self.minimumSize.width), Self.maximumSize.width)
    let height = min(max(height, Self.minimumSize.height), Self.maximumSize.height)
    let rows = Dictionary(report.rows.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    var canvas = Canvas(width: width, height: height)
    canvas.write("Couverture de l'annuaire par département", x: 0, y: 0, grade: nil)
    // The map: metropolitan France, about as wide as tall in kilometres; a cell is twice as tall as wide.
    let mapHeight = min(height - 3, (width * 11 / 20) / 2)
    let mapWidth = mapHeight * 2
    let metropolitan = departements.filter { !$0.code.hasPrefix("97") && $0.latitude != nil && $0.longitude != nil }
    let (south, north, west, east) = (41.2, 51.2, -5.0, 9.8)
    var owner = [[Int?]](repeating: [Int?](repeating: nil, count: mapWidth), count: mapHeight)
    for y in 0..<mapHeight {
      for x in 0..<mapWidth {
        let latitude = north - (Double(y) + 0.5) / Double(mapHeight) * (north - south)
        let longitude = west + (Double(x) + 0.5) / Double(mapWidth) * (east - west)
        var best: (index: Int, distance: Double)?
        for (index, departement) in metropolitan.enumerated() {
          guard let lat = departement.latitude, let lon = departement.longitude else { continue }
          let distance = ReferenceData.distanceKm(latitude, longitude, lat, lon)
          if distance < (best?.distance ?? .infinity) { best = (index, distance) }
        }
        if let best, best.distance < 62 { owner[y][x] = best.index }
      }
    }
    for y in 0..<mapHeight {
      for x in 0..<mapWidth {
        guard let index = owner[y][x], let row = rows[metropolitan[index].code] else { continue }
        canvas.put(grade(row).glyph, x: x, y: y + 1, grade: grade(row))
      }
    }
    // Labels at the centre cells, where the two characters both belong to the département.
    for (index, departement) in metropolitan.enumerated() {
      guard let lat = departement.latitude, let lon = departement.longitude, let row = rows[departement.code] else {
        continue
      }
      let y = Int((north - lat) / (north - south) * Double(mapHeight))
      var x = Int((lon - west) / (east - west) * Double(mapWidth)) - 1
      guard y >= 0, y < mapHeight, x >= 0, x + 1 < mapWidth else { continue }
      if owner[y][x] != index, x + 2 < mapWidth, owner[y][x + 2] == index { x += 1 }
      guard owner[y][x] == index, owner[y][x + 1] == index else { continue }
      canvas.write(departement.code, x: x, y: y + 1, grade: grade(row))
    }
    // The side panel: legend, overseas, least covered.
    let panelX = mapWidth + 2
    let panelWidth = width - panelX
    var line = 1
    func panel(_ text: String, grade: Grade? = nil) {
      guard line < height - 1 else { return }
      canvas.write(String(text.prefix(panelWidth)), x: panelX, y: line, grade: grade)
      line += 1
    }
    let serious = report.queries.filter { CoverageReport.seriousLevels.contains($0.level) }.count
    panel("Légende (\(serious) requêtes graves) :")
    for grade in Grade.allCases {
      let text: String
      switch grade {
      case .covered: text = "aucune sans réponse locale"
      case .gaps: text = "la moitié au plus sans réponse locale"
      case .critical: text = "plus de la moitié sans réponse locale"
      }
      guard line < height - 1 else { break }
      canvas.write(String(repeating: grade.glyph, count: 2), x: panelX, y: line, grade: grade)
      // Wrapped, never cut: « la moitié au plus sans réponse locale » does not fit at 80 columns.
      for part in Self.wrap(text, width: max(1, panelWidth - 3)) {
        guard line < height - 1 else { break }
        canvas.write(part, x: panelX + 3, y: line, grade: nil)
        line += 1
      }
    }
    // Départements the map cannot show: overseas, and Paris with its inner ring, too small to
    // carry a label at this scale (75, 92, 93, 94 share a few cells).
    func cells(_ title: String, _ codes: [String]) {
      line += 1
      panel(title)
      var x = panelX
      for code in codes {
        guard let row = rows[code] else { continue }
        let cell = code + String(repeating: grade(row).glyph, count: 2)
        if x + cell.count > width {
          x = panelX
          line += 1
        }
        guard line < height - 1 else { break }
        canvas.write(cell, x: x, y: line, grade: grade(row))
        x += cell.count + 1
      }
      line += 1
    }
    cells("Outre-mer :", departements.map(\.code).filter { $0.hasPrefix("97") })
    cells("Paris et petite couronne :", Self.parisAndInnerRing)
    line += 1
    panel("Les moins couverts (graves/total) :")
    for row in report.rows.prefix(while: { $0.seriousGaps > 0 || $0.gaps > 0 }) {
      panel("  \(row.code) \(TerminalText.sanitized(row.name)) — \(row.seriousGaps)/\(row.gaps)")
    }
    canvas.write(
      String("Lacune grave : requête urgence, signalement ou IP sans structure locale.".prefix(width)),
      x: 0, y: height - 1, grade: nil)
    return canvas.text(color: color)
  }

  /// Paris and the three départements around it, shown beside the map.
  static let parisAndInnerRing = ["75", "92", "93", "94"]

  /// Words of `text` in lines of at most `width` characters (a longer word is cut).
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if candidate.count <= width {
        current = candidate
      } else {
        if !current.isEmpty { lines.append(current) }
        current = String(word.prefix(width))
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// A grid of characters, each with an optional grade (its colour).
  struct Canvas {
    var cells: [[(Character, Grade?)]]

    init(width: Int, height: Int) {
      cells = [[(Character, Grade?)]](
        repeating: [(Character, Grade?)](repeating: (" ", nil), count: width), count: height)
    }

    mutating func put(_ character: Character, x: Int, y: Int, grade: Grade?) {
      guard y >= 0, y < cells.count, x >= 0, x < cells[y].count else { return }
      cells[y][x] = (character, grade)
    }

    mutating func write(_ text: String, x: Int, y: Int, grade: Grade?) {
      for (offset, character) in text.enumerated() { put(character, x: x + offset, y: y, grade: grade) }
    }

    /// Lines without trailing spaces; colours as ANSI sequences, reset at each change and line end.
    func text(color: Bool) -> String {
      cells.map { row in
        var line = ""
        var current: Grade?
        for (character, grade) in row {
          if color, grade != current {
            line += grade?.ansi ?? "\u{1B}[0m"
            current = grade
          }
          // In colour the background carries the grade: shading glyphs become spaces.
          let shown = color && grade != nil && character == grade?.glyph ? " " : character
          line.append(shown)
        }
        if color, current != nil { line += "\u{1B}[0m" }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
      }.joined(separator: "\n")
    }
  }
}
