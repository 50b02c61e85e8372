import Foundation
import RepereBase

/// What `repere import` does once its arguments are read, shared with the benchmark so that the
/// figures measure the command: read the existing directory file and its base, stream the
/// inputs through the importers, merge, and write the file and its base as the records come
/// (staged, renamed in place at the end). Nothing is written when the input is refused.
public struct ImportRun {
  public enum Output {
    /// Created, or updated when it exists (its base next to it: `NAME.import.json`).
    case file(URL)
    /// The YAML only, handed out a piece at a time (`-o -`); no base, no update.
    case stream((String) -> Void)
  }

  public enum Outcome {
    /// The inputs have errors (in the diagnostics); nothing was written.
    case refused
    /// The file to update cannot be read as a directory file (diagnostics); nothing was written.
    case existingUnreadable
    /// `written` is nil for a dry run.
    case done(summary: ImportSummary, written: Int?)
  }

  public var inputs: [ImportInput]
  public var tables: [CorrespondenceTable]
  public var vocabulary: Vocabulary?
  public var reference: ReferenceData?
  public var selection = ImportSelection()
  public var output: Output
  /// Replace the file instead of updating it.
  public var replace = false
  public var dryRun = false
  /// The file's `source:` when it has none yet (else the licences' attribution).
  public var source: String?
  /// The file's `updated:` (given by the executable, which owns the clock).
  public var updated: CalendarDay?

  public init(
    inputs: [ImportInput], tables: [CorrespondenceTable], vocabulary: Vocabulary?, reference: ReferenceData?,
    output: Output
  ) {
    self.inputs = inputs
    self.tables = tables
    self.vocabulary = vocabulary
    self.reference = reference
    self.output = output
  }

  /// The base file next to a directory file: `annuaire/import-93.yaml` → `import-93.import.json`.
  public static func baseURL(for destination: URL) -> URL {
    destination.deletingPathExtension().appendingPathExtension("import.json")
  }

  public func perform(diagnostics: inout Diagnostics) throws -> Outcome {
    var existing = DirectoryFile(path: "", structures: [])
    var base: ImportBase?
    if case .file(let destination) = output, !replace, FileManager.default.fileExists(atPath: destination.path) {
      // The same reader as the bundle (size limit, fast path for the layout an import writes);
      // its warnings are `repere check`'s business, its errors stop the import.
      var fileDiagnostics = Diagnostics()
      guard
        let bytes = DataFileReader.read(destination, displayName: destination.path, diagnostics: &fileDiagnostics),
        let file = DirectoryFile.load(data: bytes, path: destination.path, diagnostics: &fileDiagnostics),
        !fileDiagnostics.hasErrors
      else {
        diagnostics.append(contentsOf: fileDiagnostics.findings.filter { $0.severity == .error })
        return .existingUnreadable
      }
      existing = file
      base = (try? Data(contentsOf: Self.baseURL(for: destination))).flatMap(ImportBase.decode)
    }
    // The file's imported records: the import notes which of them the source still has.
    let watching = Set(existing.structures.lazy.map(\.id).filter { $0.contains("/") && !$0.hasPrefix("repere/") })
    let batch = Importer.run(
      inputs, tables: tables, vocabulary: vocabulary, reference: reference, selection: selection,
      watching: watching, diagnostics: &diagnostics)
    guard !diagnostics.hasErrors else { return .refused }
    var summary = batch.summary
    let header = DirectoryYAMLWriter.header(
      source: existing.source ?? source ?? ImportAttribution.header(for: batch.sources), updated: updated)
    var count = 0
    switch output {
    case _ where dryRun:
      _ = ImportSync.merge(existing: existing.structures, base: base, batch: batch, summary: &summary) { _ in }
      return .done(summary: summary, written: nil)
    case .stream(let sink):
      sink(header)
      _ = ImportSync.merge(existing: existing.structures, base: base, batch: batch, summary: &summary) {
        sink(DirectoryYAMLWriter.entry($0))
        count += 1
      }
    case .file(let destination):
      let file = try StagedFile(destination: destination)
      try file.write(header)
      let newBase = try ImportSync.merge(
        existing: existing.structures, base: base, batch: batch, summary: &summary
      ) {
        try file.write(DirectoryYAMLWriter.entry($0))
        count += 1
      }
      // Both staged in full before either is put in place.
      var baseFile: StagedFile?
      if !newBase.isEmpty {
        let staged = try StagedFile(destination: Self.baseURL(for: destination))
        try newBase.write(to: staged.write)
        baseFile = staged
      }
      try file.commit()
      try baseFile?.commit()
    }
    return .done(summary: summary, written: count)
  }
}
