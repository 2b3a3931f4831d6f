/* pt-quiz-panel.h: quiz mode: the learner's units per code, checked against the engine */
#pragma once

#include <gtk/gtk.h>

#include "pt-scenario.h"
#include "pt-workspace.h"

G_BEGIN_DECLS

#define PT_TYPE_QUIZ_PANEL (pt_quiz_panel_get_type ())

G_DECLARE_FINAL_TYPE (PtQuizPanel, pt_quiz_panel, PT, QUIZ_PANEL, GtkWidget)

typedef enum {
  PT_QUIZ_MARK_NONE,  /* not checked yet */
  PT_QUIZ_MARK_RIGHT, /* the learner's units were right */
  PT_QUIZ_MARK_WRONG, /* the learner's units were wrong */
  PT_QUIZ_MARK_SHOWN, /* the answer was shown before any check */
} PtQuizMark;

PtQuizPanel *pt_quiz_panel_new            (PtWorkspace *workspace);
void         pt_quiz_panel_set_scenario   (PtQuizPanel *self,
                                           PtScenario  *scenario);
PtScenario  *pt_quiz_panel_get_scenario   (PtQuizPanel *self);
GtkWidget   *pt_quiz_panel_get_answer     (PtQuizPanel *self,
                                           const char  *code);
PtQuizMark   pt_quiz_panel_get_mark       (PtQuizPanel *self,
                                           const char  *code);
const char  *pt_quiz_panel_get_result_text (PtQuizPanel *self);
void         pt_quiz_panel_get_score      (guint       *right,
                                           guint       *asked);
char        *pt_quiz_panel_dup_score_text (void);

G_END_DECLS
