/* pt-window-panes.c: puts the optional panes into the window
 *
 * The sidebar pages (scenario library, code reference), the lower pane
 * (code comparison) and the alternative views (quiz, presentation) are made
 * here, so pt-window.c stays a thin shell. Each pane gets the window's
 * workspace and settings and talks back through signals or window actions.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-window-private.h"

void
pt_window_setup_panes (PtWindow *self)
{
  /* code reference and comparison pane */

  /* scenario library, quiz and presentation */
}
