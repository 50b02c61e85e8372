import Foundation
import Yams

/// Reads a YAML data file into a positioned node tree, turning every way a file can be wrong
/// (unreadable, invalid UTF-8, a tab in indentation, bad syntax) into a finding with a position.
public enum YAMLFile {
  /// Parses `text`; `file` is the name used in findings. Returns nil (and a finding) on a
  /// syntax error. An empty document is reported as such.
  public static func parse(_ text: String, file: String, diagnostics: inout Diagnostics) -> YAMLNode? {
    if let anchor = YAMLAnchorScan.firstAnchor(in: text) {
      diagnostics.error(
        "yaml-anchor", at: SourceLocation(file: file, line: anchor.line, column: anchor.column),
        "les ancres et alias YAML (&nom, *nom) ne sont pas acceptés dans les fichiers de Repère",
        hint: "écrivez la valeur en entier : une ancre peut se déployer en un document énorme")
      return nil
    }
    do {
      // The basic resolver tags no plain scalar implicitly: YAMLNode reads scalars by their text
      // and style, and the default resolver's regular expressions took 60 % of the load time of a
      // 2,000-step protocol (repere-bench).
      guard let node = try Yams.compose(yaml: text, .basic) else {
        diagnostics.error("empty-file", at: SourceLocation(file: file, line: 1, column: 1), "le fichier est vide")
        return nil
      }
      warnAboutTexts(in: node, file: file, diagnostics: &diagnostics)
      return YAMLNode(node: node, file: file)
    } catch let error as YamlError {
      diagnostics.append(finding(for: error, file: file, text: text))
      return nil
    } catch {
      diagnostics.error("yaml-syntax", at: SourceLocation(file: file, line: 1, column: 1), "\(error)")
      return nil
    }
  }

  /// Reads and parses a file from disk, checking that it is valid UTF-8 first.
  public static func load(url: URL, displayName: String, diagnostics: inout Diagnostics) -> YAMLNode? {
    // Regular files only, never blocking on a FIFO, and within the size limit.
    guard let data = DataFileReader.read(url, displayName: displayName, diagnostics: &diagnostics) else { return nil }
    guard let text = TextDecoding.utf8(data, file: displayName, diagnostics: &diagnostics) else { return nil }
    return parse(text, file: displayName, diagnostics: &diagnostics)
  }

  /// Warnings on the texts of one file, in one visit of its tree (no aliases: anchors are
  /// refused, so the visit is linear), each kind reported up to 20 times:
  /// - a terminal control or bidi character, written raw or as an escape (`"\e[2J"`): the
  ///   screen drops them, but a text that needs them is suspect (issue 18, point 2);
  /// - a text past `TextLimits.maximumFieldLength`: readers get it cut with a mark
  ///   (`YAMLNode.scalar`), and `check --strict` refuses the bundle.
  static func warnAboutTexts(in root: Node, file: String, diagnostics: inout Diagnostics) {
    var pending = [root]
    var (controls, longTexts) = (0, 0)
    while let node = pending.popLast(), controls < 20 || longTexts < 20 {
      switch node {
      case .scalar(let scalar):
        let location = SourceLocation(file: file, line: scalar.mark?.line ?? 1, column: scalar.mark?.column ?? 1)
        if controls < 20, let bad = scalar.string.unicodeScalars.first(where: isControl) {
          controls += 1
          diagnostics.warning(
            "control-character", at: location,
            "le texte contient le caractère de contrôle U+\(String(format: "%04X", bad.value)), qui n'est pas affiché",
            hint:
              "supprimez-le : les séquences de terminal et les inversions de sens d'écriture n'ont pas leur place dans un texte"
          )
        }
        if longTexts < 20, TextLimits.capped(scalar.string) != nil {
          longTexts += 1
          diagnostics.warning(
            "text-too-long", at: location,
            "le texte dépasse \(TextLimits.maximumFieldLength) caractères : il est coupé et s'affiche terminé par «\(TextLimits.cutMark) »",
            hint: "raccourcissez-le, ou placez le détail dans une fiche réflexe")
        }
      case .mapping(let mapping):
        for (key, value) in mapping.reversed() { pending += [value, key] }
      case .sequence(let sequence):
        pending += sequence.reversed()
      case .alias:
        continue
      }
    }
  }

  /// A terminal control or bidi character (tab and line ends excepted): the one definition the
  /// directory's fast reader also uses to hand such files to this parser.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: return false
    case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// Line and column of the character at `offset`. Yams gives a reader error's offset as a
  /// count of Characters from the start (not bytes: a byte count put the position two columns
  /// early after « É » and « ï », issue 18, point 10); columns count Unicode scalars, like
  /// libyaml's marks.
  static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for character in text.prefix(offset) {
      if character == "\n" || character == "\r\n" {
        line += 1
        column = 1
      } else {
        column += character.unicodeScalars.count
      }
    }
    return (line, column)
  }

  /// Where `key` is written as a mapping key for the second time in the block mapping that
  /// starts at `line`:`column`: only keys at the mapping's own column count, and the search stops
  /// where the mapping ends, so a top-level `id:` repeated after a nested `- id:` is found where
  /// it is (issue 18, point 10). Flow mappings (`{a: 1, a: 2}`) fall back to any key position.
  static func secondKeyPosition(_ key: String, in text: String, from line: Int, column: Int = 0) -> (
    line: Int, column: Int
  )? {
    guard !text.isEmpty else { return nil }
    if column >= 1, let found = secondBlockKeyPosition(key, in: text, from: line, column: column) { return found }
    return secondKeyAnywhere(key, in: text, from: line)
  }

  private static func secondBlockKeyPosition(_ key: String, in text: String, from line: Int, column: Int) -> (
    line: Int, column: Int
  )? {
    var seen = 0
    for (offset, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where offset + 1 >= line {
      let scalars = Array(content.unicodeScalars)
      let indent = scalars.prefix { $0 == " " || $0 == "-" }.count
      let blank = indent == scalars.count || scalars[indent] == "#"
      if offset + 1 > line, !blank, indent + 1 < column { break }
      guard scalars.count >= column else { continue }
      let rest = String(String.UnicodeScalarView(scalars[(column - 1)...]))
      guard [key + ":", "\"" + key + "\":", "'" + key + "':"].contains(where: { rest.hasPrefix($0) }) else { continue }
      seen += 1
      if seen == 2 { return (offset + 1, column) }
    }
    return nil
  }

  private static func secondKeyAnywhere(_ key: String, in text: String, from line: Int) -> (line: Int, column: Int)? {
    var seen = 0
    for (offset, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where offset + 1 >= line {
      for candidate in [key + ":", "\"" + key + "\":", "'" + key + "':"] {
        guard let range = content.range(of: candidate) else { continue }
        let before = content[content.startIndex..<range.lowerBound]
        guard
          before.allSatisfy({ $0 == " " || $0 == "-" || $0 == "{" || $0 == "," }) || before.hasSuffix(", ")
            || before.hasSuffix("{ ")
        else { continue }
        seen += 1
        if seen == 2 { return (offset + 1, before.unicodeScalars.count + 1) }
      }
    }
    return nil
  }

  static func finding(for error: YamlError, file: String, text: String) -> Finding {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
      var message = "syntaxe YAML : \(YAMLProblemText.french(problem: problem))"
      if let context { message += " \(YAMLProblemText.french(context: context.text))" }
      return Finding(
        code: "yaml-syntax", location: SourceLocation(file: file, line: mark.line, column: mark.column),
        message: message, hint: problem.contains("tab") ? "indentez avec des espaces, pas des tabulations" : nil)
    case .composer(let context, let problem, let mark, _):
      var message = "structure YAML : \(YAMLProblemText.french(problem: problem))"
      if let context { message += " \(YAMLProblemText.french(context: context.text))" }
      return Finding(
        code: "yaml-syntax", location: SourceLocation(file: file, line: mark.line, column: mark.column),
        message: message)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.sorted().first ?? ""
      let position = secondKeyPosition(key, in: text, from: context.mark.line, column: context.mark.column)
      return Finding(
        code: "duplicate-key",
        location: SourceLocation(
          file: file, line: position?.line ?? context.mark.line, column: position?.column ?? context.mark.column),
        message: "la clé `\(key)` apparaît deux fois dans le même bloc",
        hint: "n'en gardez qu'une : la seconde remplacerait la première sans rien dire")
    case .reader(let problem, let offset, let value, _):
      // libyaml's reader stops at a byte offset (a control character, …): give its line and
      // column, and never quote the raw line, which may hold terminal escapes (issue 18, 2 and 10).
      let place = offset.map { position(ofCharacter: $0, in: text) } ?? (line: 1, column: 1)
      let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
      return Finding(
        code: "yaml-syntax", location: SourceLocation(file: file, line: place.line, column: place.column),
        message: "YAML : \(YAMLProblemText.french(problem: problem))\(character)")
    default:
      return Finding(
        code: "yaml-syntax", location: SourceLocation(file: file, line: 1, column: 1),
        message: "YAML : \(TerminalText.sanitized(String(describing: error)))")
    }
  }
}

/// Decoding of text files with positions for bad bytes.
public enum TextDecoding {
  /// Decodes UTF-8 (a leading BOM is dropped); on invalid bytes reports the first one's line
  /// and column and returns nil.
  public static func utf8(_ data: Data, file: String, diagnostics: inout Diagnostics) -> String? {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    let (line, column) = firstInvalidUTF8(bytes)
    diagnostics.error(
      "invalid-utf8", at: SourceLocation(file: file, line: line, column: column),
      "le fichier n'est pas en UTF-8 valide",
      hint: "enregistrez-le en UTF-8 (un tableur l'a peut-être enregistré en Windows-1252)")
    return nil
  }

  /// Line and column (in characters) of the first byte that is not valid UTF-8.
  public static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return (line, column)
      }
      let end = index + length
      if end > bytes.count || String(validating: bytes[index..<end], as: UTF8.self) == nil {
        return (line, column)
      }
      if byte == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index = end
    }
    return (line, column)
  }
}
