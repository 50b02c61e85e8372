import Foundation
import RepereBase

extension DataFolder {
  /// Whether any directory or resource file under `folder` declares fictional records (its
  /// top-level `source:` says « exemple fictif »), read from the files' first 4 KiB only so that
  /// `repere find` on a large directory does not pay for it.
  public static func holdsFiction(in folder: URL) -> Bool {
    scan(folder).holdsFiction
  }

  /// Same, for a folder already scanned.
  public var holdsFiction: Bool {
    (files(of: .directory) + files(of: .resources)).contains { file in
      DirectoryFile.isExampleSource(Self.topLevelValue("source", of: file.url))
    }
  }

  /// The value of the top-level `key:` in the file's first 4 KiB, without parsing the file.
  static func topLevelValue(_ key: String, of url: URL) -> String? {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 4096)) ?? Data()
    return lineValue(key, in: head)?.trimmingCharacters(in: .whitespacesAndNewlines)
      .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
  }
}
