import Foundation
import Testing

/// ARCHITECTURE.md's tables of modules say what each module may import. This test reads the
/// `import` lines of every module's sources and fails when one imports a module its row does not
/// allow, or when a source folder has no row: the documented arrows are checked arrows.
@Suite struct ArchitectureTests {
  static let root = FindingCatalogueTests.root

  /// Modules every target may import: the toolchain's, never a project module.
  static let system: Set<String> = ["Foundation", "Glibc", "Darwin", "Dispatch", "Synchronization", "Testing"]

  /// A module and what its row lets it import (« all of the above »: every row before it).
  struct Row {
    var name: String
    var mayImport: Set<String>
  }

  /// The rows of ARCHITECTURE.md's two module tables: `| \`Name\` … | may import | …`.
  static func documentedRows() throws -> [Row] {
    let text = try String(contentsOf: root.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
    // The section « Modules and the allowed dependency arrows », up to the next heading.
    let section = text.components(separatedBy: "\n## ").first { $0.hasPrefix("Modules") } ?? ""
    var rows: [Row] = []
    for line in section.split(separator: "\n") where line.hasPrefix("| `") {
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard cells.count > 3, let name = cells[1].split(separator: "`").first.map(String.init) else { continue }
      var allowed = Set<String>()
      for word in cells[2].split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init) {
        switch word {
        case "all", "of", "the", "above": allowed.formUnion(rows.map(\.name))
        case "Base", "Rules", "Lookup", "Journal", "Bundle", "UI", "App", "Terminal":
          allowed.insert("Repere" + word)
        default: allowed.insert(word)
        }
      }
      rows.append(Row(name: name, mayImport: allowed))
    }
    return rows
  }

  /// A target's source folder: its name under Sources (or Tests for the shared test support), or
  /// the `path:` Package.swift gives it.
  static func folder(of target: String) throws -> URL? {
    for base in ["Sources", "Tests"] {
      let url = root.appendingPathComponent(base).appendingPathComponent(target)
      if FileManager.default.fileExists(atPath: url.path) { return url }
    }
    let package = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
    guard let start = package.range(of: "name: \"\(target)\"") else { return nil }
    let rest = package[start.upperBound...]
    guard let path = rest.range(of: "path: \""), let end = rest[path.upperBound...].firstIndex(of: "\"") else {
      return nil
    }
    return root.appendingPathComponent(String(rest[path.upperBound..<end]))
  }

  /// The modules `folder`'s Swift files import.
  static func imports(in folder: URL) throws -> Set<String> {
    let pattern = try NSRegularExpression(pattern: #"(?m)^(?:@testable )?import (\w+)"#)
    var found = Set<String>()
    for url in try FindingCatalogueTests.files(under: folder, extension: "swift") {
      let text = try String(contentsOf: url, encoding: .utf8)
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        if let name = Range(match.range(at: 1), in: text) { found.insert(String(text[name])) }
      }
    }
    return found
  }

  @Test func everyModuleImportsOnlyWhatItsRowAllows() throws {
    let rows = try Self.documentedRows()
    #expect(rows.count >= 12, "the table scan found too few rows: \(rows.map(\.name))")
    #expect(rows.first { $0.name == "RepereRules" }?.mayImport.contains("RepereLookup") == false)
    for row in rows {
      let folder = try #require(try Self.folder(of: row.name), "no source folder for `\(row.name)`")
      let forbidden = try Self.imports(in: folder).subtracting(row.mayImport).subtracting(Self.system)
      #expect(forbidden.isEmpty, "\(row.name) imports \(forbidden.sorted()), which ARCHITECTURE.md does not allow")
    }
  }

  @Test func everySourceFolderHasARow() throws {
    let documented = try Self.documentedRows().compactMap { try Self.folder(of: $0.name)?.lastPathComponent }
    let sources = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Sources").path)
    // The C targets are the backend's system library and shim, named in the diagram.
    let missing = Set(sources).subtracting(documented).subtracting(["CNcursesw", "CursesShim"])
    #expect(missing.isEmpty, "source folders without a row in ARCHITECTURE.md: \(missing.sorted())")
  }
}
