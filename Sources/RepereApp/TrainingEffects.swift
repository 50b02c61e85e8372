import Foundation
import RepereJournal
import RepereUI

/// The effects of a training session: no journal; the debrief exported to `folder` (the working
/// directory in the program).
public struct TrainingEffects {
  let folder: URL

  public init(folder: URL) {
    self.folder = folder
  }

  public func perform(_ effect: Effect, _ state: AppState) -> [Msg] {
    switch effect {
    case .journal, .quit, .resume, .saveDraft:
      return []
    case .export(let text, let name):
      do {
        // Never over an earlier debrief: `name-2`, `name-3`… (SafeFile.writeNew).
        let path = try SafeFile.writeNew(Data(text.utf8), in: folder.path, name: name)
        return [.exported(path: path)]
      } catch {
        return [.exportFailed(String(describing: error))]
      }
    }
  }
}
