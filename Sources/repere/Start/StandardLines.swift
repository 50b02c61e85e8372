import Foundation
import RepereApp

extension PlainRunner.Lines {
  /// Standard input and output: the plain mode in a terminal, a pipe or a script.
  static var standard: PlainRunner.Lines {
    PlainRunner.Lines(
      read: { readLine(strippingNewline: true) },
      write: { FileHandle.standardOutput.write(Data($0.utf8)) },
      writeError: { FileHandle.standardError.write(Data($0.utf8)) })
  }
}
