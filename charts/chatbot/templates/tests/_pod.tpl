{{/*
A helm test pod running a node script in the api image (node 22 with fetch). Call with
(dict "ctx" $ "name" "health" "script" "..." "env" (list ...)). The label component=test is the one the api
NetworkPolicy admits.
*/}}
{{- define "chatbot.testPod" -}}
{{- $ := .ctx }}
{{- $c := dict "ctx" $ "component" "test" }}
apiVersion: v1
kind: Pod
metadata:
  name: {{ include "chatbot.fullname" $ }}-test-{{ .name }}
  labels:
    {{- include "chatbot.componentLabels" $c | nindent 4 }}
  annotations:
    helm.sh/hook: test
    helm.sh/hook-delete-policy: before-hook-creation
spec:
  restartPolicy: Never
  serviceAccountName: {{ include "chatbot.serviceAccountName" $ }}
  automountServiceAccountToken: false
  {{- with $.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    {{- include "chatbot.podSecurityContext" (dict "uid" 1000) | nindent 4 }}
  containers:
    - name: {{ .name }}
      image: {{ include "chatbot.image" (dict "ctx" $ "image" $.Values.api.image) | quote }}
      imagePullPolicy: {{ $.Values.api.image.pullPolicy }}
      command:
        - node
        - -e
        - {{ .script | toYaml | indent 10 | trim }}
      env:
        - name: WEB_URL
          value: {{ printf "http://%s:%v" (include "chatbot.webName" $) $.Values.web.service.port | quote }}
        - name: API_URL
          value: {{ printf "http://%s:%v" (include "chatbot.apiName" $) $.Values.api.service.port | quote }}
        - name: PUBLIC_URL
          value: {{ $.Values.publicUrl | quote }}
        - name: TEST_MESSAGE
          value: {{ $.Values.tests.message | quote }}
      resources:
        requests:
          cpu: 50m
          memory: 64Mi
        limits:
          cpu: 200m
          memory: 128Mi
      securityContext:
        {{- include "chatbot.containerSecurityContext" (dict "uid" 1000) | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: 16Mi
{{- end }}
