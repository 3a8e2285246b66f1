; Portwarden installer hooks (electron-builder `nsis.include`). docs/architecture.md §5: logs, backups, the journal and
; the settings live in %ProgramData%\Portwarden (electron/data-dir.ts) and are read by an elevated process,
; so only Administrators and SYSTEM may write there. ProgramData itself lets every user create folders,
; and its subfolders inherit "Users: create files / folders": without the steps below, any unelevated
; process could plant a settings file or a journal entry for the admin app to act on.
;
; Not compiled on the Linux dev machines (no makensis offline); `npm run dist` on Windows compiles it, and
; test/electron-builder-config.test.ts pins the security-relevant lines.

!include LogicLib.nsh

; NSIS has no $COMMONAPPDATA constant (makensis warns and keeps the text literally): $APPDATA is the
; all-users folder (FOLDERID_ProgramData, i.e. %ProgramData%) once SetShellVarContext is `all`.
!define PORTWARDEN_DATA_DIR "$APPDATA\Portwarden"
; Well-known SIDs, never account names: "Administrators" is "Administradores" on a Spanish Windows.
!define PORTWARDEN_SID_ADMINS "*S-1-5-32-544"
!define PORTWARDEN_SID_SYSTEM "*S-1-5-18"
!define PORTWARDEN_ICACLS "$SYSDIR\icacls.exe"
!define PORTWARDEN_SCHTASKS "$SYSDIR\schtasks.exe"
; FILE_ATTRIBUTE_REPARSE_POINT
!define PORTWARDEN_REPARSE_POINT 0x400

; Registers used as scratch below: $7 $8 $9 $R8 $R9 (saved and restored around customInstall).

; Sets $R9 to "missing", "link" (junction / symbolic link) or "present". GetFileAttributes does not
; follow links, and anything an elevated installer does through a planted link lands on its target.
!macro PortwardenPathKind PATH
  System::Call 'kernel32::GetFileAttributesW(w "${PATH}") i .r9'
  ${If} $9 == -1
    StrCpy $R9 "missing"
  ${Else}
    IntOp $9 $9 & ${PORTWARDEN_REPARSE_POINT}
    ${If} $9 != 0
      StrCpy $R9 "link"
    ${Else}
      StrCpy $R9 "present"
    ${EndIf}
  ${EndIf}
!macroend

; Sets $R9 to 1 unless PATH is owned by Administrators or SYSTEM (what this installer and the elevated
; app create). Any failure to read the owner counts as foreign: the safe answer for a security check.
!macro PortwardenIsForeign PATH
  StrCpy $R9 1
  StrCpy $R8 ""
  ; GetNamedSecurityInfoW(path, SE_FILE_OBJECT=1, OWNER_SECURITY_INFORMATION=1, &owner, 0, 0, 0, &descriptor)
  System::Call 'advapi32::GetNamedSecurityInfoW(w "${PATH}", i 1, i 1, *p .r7, p 0, p 0, p 0, *p .r8) i .r9'
  ${If} $9 == 0
    System::Call 'advapi32::ConvertSidToStringSidW(p r7, *w .R8) i .r9'
    System::Call 'kernel32::LocalFree(p r8)'
    ${If} $R8 == "S-1-5-32-544"
    ${OrIf} $R8 == "S-1-5-18"
      StrCpy $R9 0
    ${EndIf}
  ${EndIf}
!macroend

; Runs icacls with ARGS; stops the install if it fails. An elevated app writing into a folder whose
; ACL could not be set is worse than no install.
!macro PortwardenIcacls ARGS
  nsExec::ExecToLog '"${PORTWARDEN_ICACLS}" ${ARGS}'
  Pop $9
  ${If} $9 != 0
    MessageBox MB_ICONSTOP|MB_OK "Portwarden could not restrict its data folder ${PORTWARDEN_DATA_DIR} to administrators (icacls: $9). The installation stops." /SD IDOK
    Abort "icacls failed on ${PORTWARDEN_DATA_DIR}"
  ${EndIf}
!macroend

; Creates DATA_DIR\NAME. Our own folder (an upgrade) may still hold a link a user planted while it had
; ProgramData's inherited ACL (a dev run, an older version): RMDir without /r removes the link itself,
; never what it points to.
!macro PortwardenDataSubfolder NAME
  !insertmacro PortwardenPathKind "${PORTWARDEN_DATA_DIR}\${NAME}"
  ${If} $R9 == "link"
    RMDir "${PORTWARDEN_DATA_DIR}\${NAME}"
  ${EndIf}
  CreateDirectory "${PORTWARDEN_DATA_DIR}\${NAME}"
!macroend

!macro customInstall
  Push $7
  Push $8
  Push $9
  Push $R8
  Push $R9
  SetShellVarContext all

  ; A folder that exists before us and is a link, or is not owned by Administrators/SYSTEM, was made by
  ; someone else (ProgramData lets any user create folders: the classic squatting attack). Decision:
  ; move it aside, neither adopt nor delete it. Adopting (even with a recursive owner + ACL reset)
  ; would keep the settings and journal files the squatter planted for the admin app to read; a
  ; recursive delete inside a tree an attacker shaped can be steered through links and hard links.
  ; Rename moves the folder (or the link) itself; the app never reads the renamed copy.
  !insertmacro PortwardenPathKind "${PORTWARDEN_DATA_DIR}"
  ${If} $R9 == "present"
    !insertmacro PortwardenIsForeign "${PORTWARDEN_DATA_DIR}"
  ${ElseIf} $R9 == "link"
    StrCpy $R9 1
  ${Else}
    StrCpy $R9 0
  ${EndIf}
  ${If} $R9 == 1
    System::Call 'kernel32::GetTickCount() i .r9'
    ClearErrors
    Rename "${PORTWARDEN_DATA_DIR}" "${PORTWARDEN_DATA_DIR}.untrusted-$9"
    ${If} ${Errors}
      MessageBox MB_ICONSTOP|MB_OK "${PORTWARDEN_DATA_DIR} exists, is not owned by administrators and could not be moved aside. Remove it, then run the installer again." /SD IDOK
      Abort "untrusted ${PORTWARDEN_DATA_DIR}"
    ${EndIf}
    DetailPrint "Moved an untrusted ${PORTWARDEN_DATA_DIR} to ${PORTWARDEN_DATA_DIR}.untrusted-$9"
  ${EndIf}

  CreateDirectory "${PORTWARDEN_DATA_DIR}"
  !insertmacro PortwardenDataSubfolder "logs"
  !insertmacro PortwardenDataSubfolder "backups"
  !insertmacro PortwardenDataSubfolder "journal"

  ; Owner first, recursively (/T): an owner can always rewrite the DACL, so a file a user created in
  ; an older, open folder would otherwise stay theirs. /L acts on a link itself, never on its target.
  !insertmacro PortwardenIcacls '"${PORTWARDEN_DATA_DIR}" /setowner ${PORTWARDEN_SID_ADMINS} /T /L /Q'
  ; Then the folder: inheritance from ProgramData removed (Users / Authenticated Users would keep read
  ; and create rights through it); only Administrators and SYSTEM, inherited by everything below.
  !insertmacro PortwardenIcacls '"${PORTWARDEN_DATA_DIR}" /inheritance:r /grant:r ${PORTWARDEN_SID_ADMINS}:(OI)(CI)F ${PORTWARDEN_SID_SYSTEM}:(OI)(CI)F /Q'
  ; And everything inside: explicit entries dropped, so each file and folder inherits exactly those two.
  !insertmacro PortwardenIcacls '"${PORTWARDEN_DATA_DIR}\*" /reset /T /L /Q'

  Pop $R9
  Pop $R8
  Pop $9
  Pop $8
  Pop $7
!macroend

!macro customUnInstall
  ; %ProgramData%\Portwarden stays: its backups of portproxy rules are the user's, and a reinstall
  ; picks them up again. It stays admin-only, so leaving it opens nothing.
  ; The Start with Windows task goes: it runs at logon with highest privileges and would point at a
  ; deleted Portwarden.exe, a path anybody who can write there could fill. Absent is fine (exit 1).
  nsExec::ExecToLog '"${PORTWARDEN_SCHTASKS}" /Delete /TN Portwarden /F'
  Pop $9
!macroend
