import Foundation
import RepereBase

extension DataFolder {
  /// Whether any directory or resource file under `folder` declares fictional records (its
  /// top-level `source:` says « exemple fictif »), read from the files' first 4 KiB only so that
  /// `repere find` on a large directory does not pay for it.
  public static func holdsFiction(in folder: URL) -> Bool {
    scan(folder).holdsFiction
  }

  /// Same, for a folder already scanned: the scan read each file's `source:` with its format.
  public var holdsFiction: Bool {
    (files(of: .directory) + files(of: .resources)).contains { file in
      DirectoryFile.isExampleSource(file.declaredSource)
    }
  }
}
