import Foundation
import RepereBase
import Testing

@testable import RepereLookup

/// The importers read national files a chunk at a time: every rule that looks ahead (`""`,
/// `\r\n`, a UTF-8 character, a JSON string's escape) must give the same answer wherever a chunk
/// ends. Each test cuts the same bytes at every small size and compares with the whole.
@Suite struct ImportStreamingTests {
  static let chunkSizes = [1, 2, 3, 5, 7, 64]

  private func rows(_ text: [UInt8], chunkSize: Int) -> (rows: [[String]], positions: [[String]], valid: Bool) {
    var diagnostics = Diagnostics()
    var rows: [[String]] = []
    var positions: [[String]] = []
    let format = CSVTable.forEachRecord(
      .memory(Data(text), chunkSize: chunkSize), path: "t.csv", diagnostics: &diagnostics
    ) { record in
      rows.append((0..<record.count).map(record.text))
      positions.append((0..<record.count).map { "\(record.line($0)):\(record.column($0))" })
    }
    return (rows, positions, format != nil)
  }

  @Test func csvRowsAreTheSameWhereverAChunkEnds() {
    let text = Array(
      "id;nom;note\r\n1;\"Maison \"\"des\"\" ados\";é à\r\n\r\n2;\"sur\ndeux lignes\";\r\n3;x\ry;fin".utf8)
    let whole = rows(text, chunkSize: 1 << 20)
    #expect(
      whole.rows == [
        ["id", "nom", "note"], ["1", "Maison \"des\" ados", "é à"], ["2", "sur\ndeux lignes", ""],
        ["3", "x\ry", "fin"],
      ])
    #expect(whole.positions[1] == ["2:1", "2:4", "2:25"])
    #expect(whole.positions[3] == ["6:1", "6:3", "6:7"])
    for size in Self.chunkSizes {
      let cut = rows(text, chunkSize: size)
      #expect(cut.rows == whole.rows, "chunk \(size)")
      #expect(cut.positions == whole.positions, "chunk \(size)")
    }
  }

  @Test func anUnclosedQuoteIsReportedWhereItOpens() {
    var diagnostics = Diagnostics()
    let format = CSVTable.forEachRecord(
      .memory(Data("a;b\n1;\"jamais fermée\n".utf8), chunkSize: 3), path: "t.csv", diagnostics: &diagnostics
    ) { _ in }
    #expect(format == nil)
    #expect(diagnostics.findings.first?.location == SourceLocation(file: "t.csv", line: 2, column: 3))
  }

  @Test func encodingIsDecidedOnTheWholeFileWhereverAChunkEnds() throws {
    // « é » in UTF-8 is two bytes, « € » three, « 𝄞 » four: cut inside each.
    let utf8 = Array("nom\nété €\n𝄞\n".utf8)
    for size in Self.chunkSizes {
      #expect(try ImportBytes.memory(Data(utf8), chunkSize: size).isValidUTF8(), "chunk \(size)")
      #expect(rows(utf8, chunkSize: size).rows == [["nom"], ["été €"], ["𝄞"]])
    }
    // Windows-1252 as FINESS is downloaded: « HÔPITAL » with Ô = 0xD4, « œ » = 0x9C.
    let windows = Array("nom\nH".utf8) + [0xD4] + Array("PITAL c".utf8) + [0x9C] + Array("ur\n".utf8)
    for size in Self.chunkSizes {
      #expect(try !ImportBytes.memory(Data(windows), chunkSize: size).isValidUTF8(), "chunk \(size)")
      #expect(rows(windows, chunkSize: size).rows == [["nom"], ["HÔPITAL cœur"]], "chunk \(size)")
    }
    // A character cut off at the very end is not valid UTF-8.
    #expect(try !ImportBytes.memory(Data([0x61, 0xC3]), chunkSize: 1).isValidUTF8())
  }

  // MARK: JSON

  @Test func jsonParserAgreesWithFoundation() throws {
    let samples = [
      #"{"a":1,"b":[true,false,null],"c":"x\"y\\z\/\n\t\u00e9\ud83d\ude00","d":-0.5e+3,"e":{},"f":[]}"#,
      #"  [ 1 , 2.25 , "é" , {"k" : "v"} ]  "#,
      #""only a text""#,
      #"{"date_maj":1759363200000,"latitude":48.9,"list":["ase","pjj"]}"#,
    ]
    for sample in samples {
      let ours = try JSONParser.parse(Array(sample.utf8))
      let foundation = try JSONSerialization.jsonObject(with: Data(sample.utf8), options: [.fragmentsAllowed])
      #expect(Self.same(ours, foundation), "\(sample)")
    }
    #expect(try JSONParser.parse(Array(#"{"n":1759363200000}"#.utf8))["n"] == .number("1759363200000"))
  }

  private static func same(_ value: JSONValue, _ other: Any) -> Bool {
    switch value {
    case .null: return other is NSNull
    case .bool(let flag): return (other as? Bool) == flag
    case .number(let literal): return (other as? NSNumber)?.doubleValue == Double(literal)
    case .string(let text): return (other as? String) == text
    case .array(let items):
      guard let list = other as? [Any], list.count == items.count else { return false }
      return zip(items, list).allSatisfy { same($0, $1) }
    case .object(let members):
      guard let dictionary = other as? [String: Any], dictionary.count == members.count else { return false }
      return members.allSatisfy { key, item in dictionary[key].map { same(item, $0) } ?? false }
    }
  }

  @Test func jsonParserRefusesWhatJSONForbids() {
    let bad = [
      #"{"a":1,}"#, #"[1 2]"#, #"{"a" 1}"#, #"01"#, #"1."#, #"-"#, "\"tab\u{09}inside\"", #""\x""#, #"tru"#,
      #"{"a":1} x"#, String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    ]
    for sample in bad {
      #expect(throws: JSONSyntaxError.self, "\(sample)") { try JSONParser.parse(Array(sample.utf8)) }
    }
  }

  private func records(_ text: String, keys: Set<String> = ["items"], chunkSize: Int) throws -> [String] {
    var scanner = JSONRecordScanner(keys: keys)
    var seen: [String] = []
    func note(_ record: JSONRecordScanner.Record) {
      let id = if case .string(let text)? = record.value["id"] { text } else { "?" }
      seen.append("\(record.index)@\(record.line):\(record.column)=\(id)")
    }
    try ImportBytes.memory(Data(text.utf8), chunkSize: chunkSize).forEachChunk { try scanner.feed($0, note) }
    try scanner.finish(note)
    return seen
  }

  @Test func jsonRecordsAreCutTheSameWhereverAChunkEnds() throws {
    let array = "[{\"id\":\"a\",\"t\":\"x]}\\\"\"},\n {\"id\":\"b\",\"l\":[1,{\"z\":[]}]}]"
    let page = #"{"page":1,"meta":{"x":[1,2]},"items":[{"id":"a"},{"id":"b"}],"pages":1,"size":50,"total":2}"#
    for size in Self.chunkSizes {
      #expect(try records(array, chunkSize: size) == ["1@1:2=a", "2@2:2=b"], "chunk \(size)")
      #expect(try records(page, chunkSize: size) == ["1@1:39=a", "2@1:50=b"], "chunk \(size)")
      #expect(try records(#"{"service":[{"id":"s"}]}"#, keys: ["service"], chunkSize: size) == ["1@1:13=s"])
      #expect(try records(" [ ] ", chunkSize: size) == [])
    }
  }

  @Test func brokenJSONIsPlacedInTheFile() {
    let cases: [(String, String, Int, Int)] = [
      (#"[{"id":"a","nom":"b"},"#, "coupé ?", 1, 23),
      ("[{\"id\":\"a\"},\n {\"id\" \"b\"}]", "enregistrement 2 : « : » attendu", 2, 8),
      (#"{"page":1}"#, "aucun tableau d'enregistrements", 1, 11),
      (#"[{"id":"a"}] x"#, "texte inattendu", 1, 14),
    ]
    for (text, message, line, column) in cases {
      do {
        _ = try records(text, chunkSize: 4)
        Issue.record("accepted: \(text)")
      } catch let failure as JSONRecordScanner.Failure {
        #expect(failure.message.contains(message), "\(text): \(failure.message)")
        #expect(failure.line == line && failure.column == column, "\(text): \(failure.line):\(failure.column)")
      } catch {
        Issue.record("\(error)")
      }
    }
  }

  // MARK: the run as `repere import` does it

  @Test func aRunWritesTheFileAndItsBaseInPlaceAndARefusedRunWritesNothing() throws {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("import-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let destination = folder.appendingPathComponent("finess-93.yaml")
    let input = folder.appendingPathComponent("finess.csv")
    try Data(ImportTests.finess.utf8).write(to: input)
    func run(_ path: URL) throws -> (ImportRun.Outcome, Diagnostics) {
      var importRun = ImportRun(
        inputs: [ImportInput(path: path.path, bytes: .file(path, chunkSize: 7))], tables: ImportTests.tables,
        vocabulary: nil, reference: nil, output: .file(destination))
      importRun.updated = CalendarDay(iso: "2026-11-01")
      var diagnostics = Diagnostics()
      return (try importRun.perform(diagnostics: &diagnostics), diagnostics)
    }
    let (first, _) = try run(input)
    guard case .done(let summary, let written) = first else { throw Failure("refused") }
    #expect(written == 2)
    #expect(summary.added == ["finess/930000001", "finess/9C0000001"])
    let yaml = try String(contentsOf: destination, encoding: .utf8)
    #expect(yaml.hasPrefix("format: repere/directory@1\nsource: \"Import repere — FINESS"))
    #expect(
      yaml
        == DirectoryYAMLWriter.yaml(
          source: ImportAttribution.header(for: ["finess"]), updated: CalendarDay(iso: "2026-11-01"),
          structures: ImportTests.run([("finess.csv", ImportTests.finess)]).0.structures))
    let baseURL = ImportRun.baseURL(for: destination)
    let base = try #require(ImportBase.decode(try Data(contentsOf: baseURL)))
    #expect(base.count == 2)
    #expect(
      base.fields(of: "finess/930000001")?[ImportSync.fieldNames.firstIndex(of: "nom") ?? 0]
        == "MAISON DES ADOLESCENTS DE LA SEINE-SAINT-DENIS")

    // A broken input: refused, the file and its base untouched, no staged file left behind.
    let broken = folder.appendingPathComponent("broken.csv")
    try Data("finess;etalab;1;2026-10-15\nstructureet;\"930000001;jamais fermée\n".utf8).write(to: broken)
    let (second, diagnostics) = try run(broken)
    guard case .refused = second else { throw Failure("accepted") }
    #expect(diagnostics.findings.first?.location == SourceLocation(file: broken.path, line: 2, column: 13))
    #expect(try String(contentsOf: destination, encoding: .utf8) == yaml)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
        "broken.csv", "finess-93.import.json", "finess-93.yaml", "finess.csv",
      ])
  }

  private struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }
}
