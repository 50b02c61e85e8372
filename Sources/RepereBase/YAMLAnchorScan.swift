/// Finds the first YAML anchor (`&name`) in a text before it is composed.
///
/// Repère's formats never use anchors or aliases, and an alias bomb (a few anchors each
/// repeating the previous one, used as a mapping key) makes the composer's duplicate-key check
/// hash an exponentially large key: 708 bytes kept `check` busy for 112 s (issue 18, point 5).
/// Refusing every anchor bounds alias expansion at zero, in time linear in the text. Without an
/// anchor an alias is "undefined" and libyaml stops at once.
///
/// The scan knows just enough YAML to avoid false alarms: quoted strings (over several lines),
/// comments, block scalars (`|`, `>`) and plain scalars, where `&` is text. An anchor can only
/// stand where a node begins: at the start of a line, after `- `, `? `, `: `, or in a flow
/// collection after `[`, `{` or `,` (a plain scalar cannot begin with `&`).
enum YAMLAnchorScan {
  static func firstAnchor(in text: String) -> (line: Int, column: Int)? {
    var line = 1
    var quote: Character?  // inside a quoted scalar, possibly spanning lines
    var blockIndent: Int?  // inside a block scalar introduced on a line with this indentation
    var flowDepth = 0
    var nodeStart = true
    for content in text.split(separator: "\n", omittingEmptySubsequences: false) {
      defer { line += 1 }
      let characters = Array(content)
      let indentation = characters.prefix { $0 == " " }.count
      if let indent = blockIndent {
        let blank = characters.allSatisfy { $0 == " " || $0 == "\r" }
        if blank || indentation > indent { continue }
        blockIndent = nil
      }
      if quote == nil && flowDepth == 0 { nodeStart = true }
      var inPlain = false
      var index = quote == nil ? indentation : 0
      var column = index + 1
      while index < characters.count {
        let character = characters[index]
        let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
        defer {
          index += 1
          column += 1
        }
        if let open = quote {
          if open == "'" && character == "'" {
            if next == "'" {
              index += 1
              column += 1
            } else {
              quote = nil
            }
          } else if open == "\"" && character == "\\" {
            index += 1
            column += 1
          } else if open == "\"" && character == "\"" {
            quote = nil
          }
          continue
        }
        let atSpace = next == nil || next == " " || next == "\r"
        if character == "#", index == 0 || characters[index - 1] == " " { break }
        if character == " " || character == "\r" { continue }
        if nodeStart {
          switch character {
          case "&":
            if let next, next != " ", next != "\r" { return (line, column) }
            inPlain = true
            nodeStart = false
          case "'", "\"":
            quote = character
            nodeStart = false
          case "-" where atSpace, "?" where atSpace:
            continue
          case "|", ">":
            if flowDepth == 0 {
              blockIndent = indentation
              break
            }
            inPlain = true
            nodeStart = false
          case "[", "{":
            flowDepth += 1
          case "!":
            // A tag: skip it, a node (maybe with an anchor) follows.
            while index + 1 < characters.count, characters[index + 1] != " " {
              index += 1
              column += 1
            }
          case "]", "}":
            flowDepth = max(0, flowDepth - 1)
            nodeStart = false
          default:
            inPlain = true
            nodeStart = false
          }
          if blockIndent != nil { break }
          continue
        }
        if character == ":" && (atSpace || (flowDepth > 0 && (next == "," || next == "]" || next == "}"))) {
          nodeStart = true
          inPlain = false
        } else if flowDepth > 0 && (character == "," || character == "[" || character == "{") {
          if character != "," { flowDepth += 1 }
          nodeStart = true
          inPlain = false
        } else if flowDepth > 0 && (character == "]" || character == "}") {
          flowDepth -= 1
          inPlain = false
        } else if !inPlain && (character == "'" || character == "\"") {
          quote = character
        }
      }
    }
    return nil
  }
}
