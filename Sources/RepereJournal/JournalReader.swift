import Foundation
import RepereBase

/// What reading a journal file gave: the events kept and what was wrong.
public struct JournalReadResult: Hashable, Sendable {
  /// Every line that parsed, in file order.
  public var entries: [JournalEntry]
  /// Problems as findings (`journal-torn-line`, `journal-bad-line`, `journal-sequence-gap`, …).
  public var findings: [Finding]
  /// Byte length of the file up to the end of the last line that ends with a newline; a torn
  /// tail starts here. Used to repair the file before appending.
  public var cleanLength: Int
  /// Byte length of the file as read.
  public var fileLength: Int
  /// True when the last line parsed but had lost its newline (the repair adds it back).
  public var missingFinalNewline: Bool

  /// True when the last line was cut short (a write interrupted by a crash): it is skipped.
  public var hasTornTail: Bool { findings.contains { $0.code == JournalReader.tornLineCode } }
}

/// Reads a journal file leniently: everything that parses is kept, problems are reported.
///
/// A last line without its newline is the mark of a write cut short (kill -9, power loss): it is
/// reported as `journal-torn-line` and skipped — unless it parses as a whole event, in which case
/// only the newline was lost and the event is kept. A bad line elsewhere is reported and skipped,
/// and reading goes on: one damaged line must not hide the rest of a case.
public enum JournalReader {
  public static let tornLineCode = "journal-torn-line"
  public static let missingNewlineCode = "journal-missing-newline"
  public static let badLineCode = "journal-bad-line"
  public static let sequenceGapCode = "journal-sequence-gap"
  public static let noOpeningCode = "journal-no-opening"

  /// Reads and parses the file at `url`. Throws only when the file cannot be read at all.
  public static func read(_ url: URL) throws -> JournalReadResult {
    // Never through a symbolic link, never blocking on a FIFO named like a journal.
    parse(try SafeFile.readRegular(url.path), file: url.lastPathComponent)
  }

  /// Parses a journal's bytes; `file` names it in findings.
  public static func parse(_ data: Data, file: String) -> JournalReadResult {
    var result = JournalReadResult(
      entries: [], findings: [], cleanLength: 0, fileLength: data.count, missingFinalNewline: false)
    let bytes = [UInt8](data)
    var lineStart = 0
    var lineNumber = 0
    var expectedSequence = 1
    while lineStart < bytes.count {
      lineNumber += 1
      let newline = indexOfNewline(in: bytes, from: lineStart)
      let lineEnd = newline ?? bytes.count
      let line = Data(bytes[lineStart..<lineEnd])
      let location = SourceLocation(file: file, line: lineNumber, column: 1)
      let isLastWithoutNewline = newline == nil
      lineStart = lineEnd + 1
      if isLastWithoutNewline == false { result.cleanLength = lineStart }
      if line.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) == nil {
        if isLastWithoutNewline, !line.isEmpty {
          result.findings.append(tornLine(location, byteCount: line.count))
        }
        continue
      }
      let entry: JournalEntry
      do {
        entry = try JournalEntry.decode(line: line)
      } catch {
        if isLastWithoutNewline {
          result.findings.append(tornLine(location, byteCount: line.count))
        } else {
          result.findings.append(
            Finding(
              code: badLineCode, location: location,
              message: "ligne illisible ignorée (\(describe(error)))"))
        }
        continue
      }
      if isLastWithoutNewline {
        result.missingFinalNewline = true
        result.findings.append(
          Finding(
            code: missingNewlineCode, severity: .warning, location: location,
            message: "dernière ligne complète mais sans fin de ligne ; événement conservé"))
      }
      if entry.sequence != expectedSequence {
        result.findings.append(
          Finding(
            code: sequenceGapCode, location: location,
            message: entry.sequence > expectedSequence
              ? "événements \(expectedSequence)…\(entry.sequence - 1) manquants avant le n° \(entry.sequence)"
              : "numéro \(entry.sequence) hors d'ordre (attendu \(expectedSequence))"))
      }
      if result.entries.isEmpty, case .opening = entry.event {
      } else if result.entries.isEmpty {
        result.findings.append(
          Finding(code: noOpeningCode, location: location, message: "le journal ne commence pas par son ouverture"))
      }
      expectedSequence = max(expectedSequence, entry.sequence + 1)
      result.entries.append(entry)
    }
    if result.missingFinalNewline { result.cleanLength = bytes.count }
    return result
  }

  /// memchr: journals hold megabyte-long notes, and a byte loop is slow in debug builds.
  private static func indexOfNewline(in bytes: [UInt8], from start: Int) -> Int? {
    bytes.withUnsafeBufferPointer { buffer -> Int? in
      guard let base = buffer.baseAddress, start < buffer.count else { return nil }
      guard let found = memchr(base + start, Int32(UInt8(ascii: "\n")), buffer.count - start) else { return nil }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
  }

  private static func tornLine(_ location: SourceLocation, byteCount: Int) -> Finding {
    Finding(
      code: tornLineCode, severity: .warning, location: location,
      message:
        "dernière ligne tronquée (\(byteCount) octets, écriture interrompue) ignorée ; tout ce qui précède est conservé"
    )
  }

  private static func describe(_ error: any Error) -> String {
    switch error {
    case JournalLineError.unsupportedVersion(let version):
      return "version de format \(version) non prise en charge"
    case JournalLineError.unknownType(let type):
      return "type d'événement inconnu « \(type) »"
    case JournalLineError.badTime(let text):
      return "date illisible « \(text) »"
    case DecodingError.keyNotFound(let key, _):
      return "champ « \(key.stringValue) » manquant"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "champ « \(context.codingPath.map(\.stringValue).joined(separator: ".")) » de mauvais type"
    default:
      return "JSON invalide"
    }
  }
}

/// The errno behind a Foundation file error, or EIO when none is known.
func errnoOf(_ error: any Error) -> Int32 {
  let nsError = error as NSError
  if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
  if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
    return Int32(underlying.code)
  }
  if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return ENOENT }
  return EIO
}
